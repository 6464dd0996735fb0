/**
 * Publishing the report and its versions: 发布 (confirm; a correction of a published report needs a note),
 * the refusal's errors shown, every version with its DOCX/PDF/XLSX downloads, and the public 年报 page.
 */
import { Alert, App, Button, Input, List, Modal, Space, Typography } from "antd";
import { type ReactNode, useState } from "react";
import type { Finding } from "../../../src/core/report/report-model.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { PublishAnswer, ReportVersion } from "../api/report-types.ts";

/** The downloads of a version. */
const FORMATS = [
  { format: "docx", label: "DOCX" },
  { format: "pdf", label: "PDF" },
  { format: "xlsx", label: "XLSX" },
  { format: "html", label: "网页" },
] as const;

/** The address of a version's file. */
export function versionFileUrl(agencyId: number, year: number, version: number, format: string): string {
  return `/api/reports/${agencyId}/${year}/versions/${version}/${format}`;
}

/** Props of ReportPublish. */
export interface ReportPublishProps {
  readonly agencyId: number;
  readonly year: number;
  readonly versions: readonly ReportVersion[];
  readonly findings: readonly Finding[];
  readonly mayPublish: boolean;
  /** Save pending edits first; resolves when the server has them. */
  readonly beforePublish: () => Promise<void>;
  readonly onPublished: () => void;
}

/** The publishing panel. */
export function ReportPublish({
  agencyId,
  year,
  versions,
  findings,
  mayPublish,
  beforePublish,
  onPublished,
}: ReportPublishProps): ReactNode {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const correction = versions.length > 0;
  const errors = findings.filter((f) => f.severity === "error");
  const publish = async () => {
    if (correction && note.trim() === "") {
      setRefusal("更正已发布的年度报告须填写更正说明");
      return;
    }
    setBusy(true);
    try {
      await beforePublish();
      const answer = await apiRequest<PublishAnswer>(`/api/reports/${agencyId}/${year}/publish`, {
        method: "POST",
        body: { note: note.trim() },
      });
      message.success(`已发布第 ${answer.version} 版`);
      setOpen(false);
      setNote("");
      setRefusal(null);
      onPublished();
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const publicPage = `/agencies/${agencyId}/disclosure/annual-reports/${year}`;
  return (
    <Space orientation="vertical" size="small" style={{ width: "100%" }}>
      <Space wrap>
        {mayPublish ? (
          <Button type="primary" onClick={() => setOpen(true)}>
            {correction ? "更正并发布新版本" : "发布"}
          </Button>
        ) : null}
        {correction ? (
          <a href={publicPage} target="_blank" rel="noreferrer">
            查看公开页面
          </a>
        ) : null}
      </Space>
      {versions.length === 0 ? (
        <Typography.Text type="secondary">尚未发布</Typography.Text>
      ) : (
        <List
          size="small"
          header={<strong>已发布版本</strong>}
          dataSource={[...versions].sort((a, b) => b.version - a.version)}
          renderItem={(v) => (
            <List.Item>
              <Space orientation="vertical" size={2}>
                <span>{`第 ${v.version} 版 · ${v.published_on}${v.note ? ` · 更正说明：${v.note}` : ""}`}</span>
                <Space size="small" wrap>
                  {FORMATS.map(({ format, label }) => (
                    <a key={format} href={versionFileUrl(agencyId, year, v.version, format)}>
                      {label}
                    </a>
                  ))}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={open}
        title={correction ? `更正 ${year} 年度报告` : `发布 ${year} 年度报告`}
        okText="确认发布"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void publish()}
        onCancel={() => {
          setOpen(false);
          setRefusal(null);
        }}
      >
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Paragraph>
            发布后本版本即冻结，并在政府信息公开年报栏目公开（网页及 DOCX、PDF、XLSX 下载）。
            {correction ? "更正将作为新的版本公开，原版本及更正日期、说明一并保留。" : ""}
          </Typography.Paragraph>
          {errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              title={`当前仍有 ${errors.length} 个错误，发布将被拒绝：`}
              description={
                <ul>
                  {errors.map((f) => (
                    <li key={`${f.rule}-${f.where}`}>{`${f.rule} ${f.where}：${f.message}`}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {correction ? (
            <>
              <label htmlFor="publish-note">更正说明（必填）：</label>
              <Input.TextArea
                id="publish-note"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                rows={3}
              />
            </>
          ) : null}
          {refusal ? <Alert type="error" showIcon title={refusal} /> : null}
        </Space>
      </Modal>
    </Space>
  );
}
