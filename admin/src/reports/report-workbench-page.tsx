/**
 * 年度报告: the report workbench of an agency and year. The six sections in order — 一, 五 and 六 edited as
 * text (saved as typing pauses, checks rerun on every save), 二, 三 and 四 the tables computed from the
 * records with every value opening the records behind it — the findings beside them, and publishing.
 */
import "./reports-styles.css";
import { Alert, App, Card, Empty, Space, Spin, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { SECTION_TITLES } from "../../../src/core/report/report-model.ts";
import { agencyIdsWhere } from "../access/user-access.ts";
import { apiRequest, messageOf } from "../api/api-client.ts";
import type { BuiltReport, ProseNo } from "../api/report-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencyYearPicker, registerYears, useAgencyYear } from "../shared/agency-year-picker.tsx";
import { FindingsList } from "./findings-list.tsx";
import { type ProseChanges, ProseDebouncer } from "./prose-edits.ts";
import { ProseSection } from "./prose-section.tsx";
import { ReportPublish } from "./report-publish.tsx";
import { Table2, Table3, Table4 } from "./report-tables.tsx";

/** How long typing must pause before the draft is saved and checked. */
const SAVE_DELAY_MS = 700;

const PROSE: readonly ProseNo[] = ["一", "五", "六"];

/** The prose text of a section in a built report. */
function sectionText(built: BuiltReport, no: ProseNo): string {
  return built.report.sections.find((s) => s.no === no)?.text ?? "";
}

/** The workbench page. */
export function ReportWorkbenchPage(): ReactNode {
  usePageTitle("年度报告");
  const me = useUser();
  const { message } = App.useApp();
  const { choice, agencies, picker } = useAgencyYear("report.view", registerYears());
  const editable = useMemo(() => agencyIdsWhere(me, "report.edit", agencies), [me, agencies]);
  const publishable = useMemo(() => agencyIdsWhere(me, "report.publish", agencies), [me, agencies]);
  const [built, setBuilt] = useState<BuiltReport | null>(null);
  const [texts, setTexts] = useState<Record<ProseNo, string>>({ 一: "", 五: "", 六: "" });
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(0);
  const saved = useRef<Promise<void>>(Promise.resolve());
  const { agencyId, year } = choice;

  const load = useCallback(async () => {
    if (agencyId === undefined) return;
    setLoading(true);
    try {
      const answer = await apiRequest<BuiltReport>(`/api/reports/${agencyId}/${year}`);
      setBuilt(answer);
      setTexts({
        一: sectionText(answer, "一"),
        五: sectionText(answer, "五"),
        六: sectionText(answer, "六"),
      });
    } catch (error) {
      setBuilt(null);
      message.error(messageOf(error));
    } finally {
      setLoading(false);
    }
  }, [agencyId, year, message]);

  const debouncer = useMemo(() => {
    const send = (changes: ProseChanges) => {
      if (agencyId === undefined) return;
      setSaving((n) => n + 1);
      saved.current = saved.current
        .then(async () => {
          const answer = await apiRequest<BuiltReport>(`/api/reports/${agencyId}/${year}/prose`, {
            method: "PUT",
            body: changes,
          });
          setBuilt((before) => (before ? { ...before, ...answer } : answer));
          // A restored section shows the text drafted again; a typed one keeps what is being typed.
          setTexts((now) => {
            const next = { ...now };
            for (const no of PROSE) {
              if (changes[no] === null && debouncer.unsent()[no] === undefined)
                next[no] = sectionText(answer, no);
            }
            return next;
          });
        })
        .catch((error: unknown) => {
          message.error(messageOf(error));
        })
        .finally(() => setSaving((n) => n - 1));
    };
    const debouncer = new ProseDebouncer(send, SAVE_DELAY_MS);
    return debouncer;
  }, [agencyId, year, message]);

  useEffect(() => {
    void load();
    return () => debouncer.cancel();
  }, [load, debouncer]);

  const edit = (no: ProseNo, text: string | null) => {
    if (text !== null) setTexts((now) => ({ ...now, [no]: text }));
    debouncer.edit(no, text);
    if (text === null) debouncer.flush();
  };
  const beforePublish = async () => {
    debouncer.flush();
    await saved.current;
  };

  const mayEdit = agencyId !== undefined && editable.has(agencyId);
  const prose = (no: ProseNo) => (
    <Card key={no}>
      <ProseSection
        no={no}
        title={SECTION_TITLES.find((s) => s.no === no)?.title ?? ""}
        text={texts[no]}
        edited={built?.edited[no] ?? false}
        editable={mayEdit}
        saving={saving > 0}
        onEdit={(text) => edit(no, text)}
        onRestore={() => edit(no, null)}
      />
    </Card>
  );
  const tableCard = (no: string, table: ReactNode) => (
    <Card key={no}>
      <Typography.Title level={4} className="report-section-title">
        {`${no}、${SECTION_TITLES.find((s) => s.no === no)?.title ?? ""}`}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        由登记数据自动统计，点击数字查看对应的记录。
      </Typography.Paragraph>
      {table}
    </Card>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <AgencyYearPicker {...picker} idPrefix="report" />
      <Spin spinning={loading}>
        {built && agencyId !== undefined ? (
          <div className="workbench">
            <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {`${built.agencyName}${built.year}年政府信息公开工作年度报告`}
              </Typography.Title>
              {built.draftProblems.length > 0 ? (
                <Alert
                  type="warning"
                  showIcon
                  title="模板中有未能填入的数据"
                  description={built.draftProblems.join("；")}
                />
              ) : null}
              {prose("一")}
              {tableCard(
                "二",
                <Table2 proactive={built.records.tables.proactive} cells={built.records.cells} />,
              )}
              {tableCard(
                "三",
                <Table3 applications={built.records.tables.applications} cells={built.records.cells} />,
              )}
              {tableCard("四", <Table4 review={built.records.tables.review} cells={built.records.cells} />)}
              {prose("五")}
              {prose("六")}
            </Space>
            <aside className="workbench-side" aria-label="校验与发布">
              <Card title="校验结果" size="small">
                <FindingsList findings={built.findings} />
              </Card>
              <Card title="发布" size="small">
                <ReportPublish
                  agencyId={agencyId}
                  year={year}
                  versions={built.versions}
                  findings={built.findings}
                  mayPublish={publishable.has(agencyId)}
                  beforePublish={beforePublish}
                  onPublished={() => void load()}
                />
              </Card>
            </aside>
          </div>
        ) : (
          <Empty description="请选择机关和年度" />
        )}
      </Spin>
    </Space>
  );
}
