/**
 * 台账: download the template, import an existing ledger (every row checked; one bad row and nothing is
 * imported, with the list of rejected rows and why), export a year's ledger as XLSX.
 */
import "./requests-styles.css";
import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Row, Space, Table, Typography, Upload } from "antd";
import { type ReactNode, useMemo, useState } from "react";
import { agencyIdsWhere } from "../access/user-access.ts";
import { messageOf } from "../api/api-client.ts";
import type { LedgerRejectedRow } from "../api/request-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencySelect, AgencyYearPicker, useAgencyYear } from "../shared/agency-year-picker.tsx";
import { ledgerOutcome } from "./ledger-report.ts";
import { downloadUrl, UploadError, uploadFile } from "./upload-file.ts";

/** The largest ledger file accepted. */
const MAX_BYTES = 10 * 1024 * 1024;

/** The ledger page. */
export function LedgerPage(): ReactNode {
  usePageTitle("台账");
  const me = useUser();
  const { message } = App.useApp();
  const exporting = useAgencyYear("request.view");
  const { agencies } = exporting;
  const handling = useMemo(() => agencyIdsWhere(me, "request.handle", agencies), [me, agencies]);
  const [importAgency, setImportAgency] = useState<number | undefined>(undefined);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; rows: readonly LedgerRejectedRow[] } | null>(
    null,
  );
  const { agencyId: exportAgency, year: exportYear } = exporting.choice;
  const agencyId = importAgency ?? (handling.size === 1 ? [...handling][0] : undefined);

  const upload = async (file: File): Promise<void> => {
    setImported(null);
    setRefusal(null);
    if (agencyId === undefined) {
      message.error("请先选择导入到哪个机关");
      return;
    }
    if (file.size > MAX_BYTES) {
      message.error("台账文件超过 10 MB，请分开导入");
      return;
    }
    setImporting(true);
    try {
      const answer = await uploadFile<unknown>("/api/requests/ledger", file, { agencyId: String(agencyId) });
      const outcome = ledgerOutcome(answer);
      setImported(
        outcome.imported === null
          ? `已导入“${file.name}”`
          : `已导入“${file.name}”中的 ${outcome.imported} 件申请`,
      );
    } catch (error) {
      const rows = error instanceof UploadError ? ledgerOutcome(error.body).rejected : [];
      setRefusal({ message: messageOf(error), rows });
    } finally {
      setImporting(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Row gutter={[16, 16]} className="ledger-steps">
        <Col xs={24} lg={8}>
          <Card size="small" title="第一步：下载模板">
            <Typography.Paragraph>
              请按模板的列整理原有台账，每件申请一行；日期写成 YYYY-MM-DD。
            </Typography.Paragraph>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              href="/api/requests/ledger-template.xlsx"
              download
            >
              下载台账模板（XLSX）
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="第二步：导入台账">
            <Space orientation="vertical" style={{ width: "100%" }}>
              <Space wrap>
                <label htmlFor="ledger-import-agency">导入到：</label>
                <AgencySelect
                  id="ledger-import-agency"
                  agencies={agencies}
                  allowed={handling}
                  value={agencyId}
                  onChange={setImportAgency}
                />
              </Space>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button
                  type="primary"
                  icon={<UploadOutlined aria-hidden />}
                  loading={importing}
                  disabled={agencyId === undefined}
                >
                  选择台账文件并导入
                </Button>
              </Upload>
              <Typography.Text type="secondary">逐行检查；只要有一行不符合要求，全部不导入。</Typography.Text>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="导出台账">
            <Space orientation="vertical">
              <AgencyYearPicker {...exporting.picker} idPrefix="ledger-export" />
              <Button
                icon={<DownloadOutlined aria-hidden />}
                href={downloadUrl("/api/requests/ledger.xlsx", { agencyId: exportAgency, year: exportYear })}
                download
                disabled={exportAgency === undefined}
              >
                导出 {exportYear} 年台账（XLSX）
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
      {imported && <Alert type="success" showIcon title={imported} />}
      {refusal && (
        <Card size="small" title="未导入：请修改以下各行后重新导入">
          <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 12 }} />
          {refusal.rows.length > 0 && (
            <Table<LedgerRejectedRow>
              rowKey="row"
              size="small"
              dataSource={[...refusal.rows]}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              columns={[
                { title: "行号", dataIndex: "row", width: 80 },
                {
                  title: "问题",
                  dataIndex: "reasons",
                  render: (reasons: readonly string[]) => (
                    <ul className="ledger-reasons">
                      {reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
