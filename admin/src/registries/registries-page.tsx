/**
 * 登记台账: the registers behind table 二 of an agency — 规章和规范性文件, 行政决定, 行政事业性收费, 培训,
 * 政策解读 — and the year's summary (table 二 with the records behind each value). The tab is in the
 * address (?tab=) so a report's drill-down opens the right register.
 */
import "../reports/reports-styles.css";
import { Card, Space, Tabs, Typography } from "antd";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { agencyIdsWhere } from "../access/user-access.ts";
import type { Fee, Interpretation, Regulation, Training } from "../api/report-types.ts";
import { usePageTitle } from "../layout/page-title.ts";
import { useUser } from "../session/session-context.tsx";
import { AgencyYearPicker, registerYears, useAgencyYear } from "../shared/agency-year-picker.tsx";
import { DecisionsTab } from "./decisions-tab.tsx";
import {
  FEE_FIELDS,
  INTERPRETATION_FIELDS,
  REGULATION_FIELDS,
  recordBody,
  regulationBody,
  TRAINING_FIELDS,
} from "./record-fields.ts";
import { RegisterTab } from "./register-tab.tsx";
import { SummaryTab } from "./summary-tab.tsx";

const TABS = ["regulations", "decisions", "fees", "trainings", "interpretations", "summary"] as const;
type TabKey = (typeof TABS)[number];

/** The tab and the record to open, from the address. */
function fromAddress(): { tab: TabKey; focus: Record<string, number> } {
  const params = new URLSearchParams(window.location.search);
  const tab = params.get("tab");
  const focus: Record<string, number> = {};
  for (const key of ["decisionId", "regulationId"]) {
    const id = Number(params.get(key));
    if (Number.isInteger(id) && id > 0) focus[key] = id;
  }
  return { tab: (TABS as readonly string[]).includes(tab ?? "") ? (tab as TabKey) : "decisions", focus };
}

/** The registries page. */
export function RegistriesPage(): ReactNode {
  usePageTitle("登记台账");
  const me = useUser();
  const { choice, agencies, picker } = useAgencyYear("registry.view", registerYears());
  const manageable = useMemo(() => agencyIdsWhere(me, "registry.manage", agencies), [me, agencies]);
  const [{ tab, focus }, setAddress] = useState(fromAddress);
  const [stamp, setStamp] = useState(0);
  const changed = useCallback(() => setStamp((n) => n + 1), []);
  const { agencyId, year } = choice;
  const switchTab = (key: string) => {
    const params = new URLSearchParams(window.location.search);
    params.set("tab", key);
    params.delete("decisionId");
    params.delete("regulationId");
    window.history.replaceState(null, "", `${window.location.pathname}?${params.toString()}`);
    setAddress({ tab: key as TabKey, focus: {} });
  };
  if (agencyId === undefined) {
    return <AgencyYearPicker {...picker} idPrefix="registry" />;
  }
  const mayManage = manageable.has(agencyId);
  const items = [
    {
      key: "regulations",
      label: "规章和规范性文件",
      children: (
        <RegisterTab<Regulation>
          noun="规章/规范性文件"
          path="/api/registries/regulations"
          agencyId={agencyId}
          fields={REGULATION_FIELDS}
          toBody={regulationBody}
          defaults={{ kind: "normativeDocument", validity: "valid" }}
          mayManage={mayManage}
          {...(focus.regulationId ? { focusId: focus.regulationId } : {})}
          columns={[
            { title: "类别", dataIndex: "kindName", width: 120 },
            { title: "名称", dataIndex: "title" },
            { title: "文号", dataIndex: "docNo" },
            { title: "制发日期", dataIndex: "issuedOn", width: 110 },
            {
              title: "废止/失效日期",
              dataIndex: "abolishedOn",
              width: 120,
              render: (d: string | null) => d ?? "—",
            },
            { title: "有效性", dataIndex: "validityName", width: 80 },
          ]}
        />
      ),
    },
    {
      key: "decisions",
      label: "行政决定",
      children: (
        <DecisionsTab
          agencyId={agencyId}
          year={year}
          mayManage={mayManage}
          onChanged={changed}
          {...(focus.decisionId ? { focusId: focus.decisionId } : {})}
        />
      ),
    },
    {
      key: "fees",
      label: "行政事业性收费",
      children: (
        <RegisterTab<Fee>
          noun="收费项目"
          path="/api/registries/fees"
          agencyId={agencyId}
          query={{ year }}
          fields={FEE_FIELDS}
          toBody={(values, creating) => recordBody(FEE_FIELDS, values, creating)}
          defaults={{ year }}
          mayManage={mayManage}
          columns={[
            { title: "年度", dataIndex: "year", width: 70 },
            { title: "收费项目", dataIndex: "itemName" },
            { title: "金额（元）", dataIndex: "amountYuan", align: "right" },
            { title: "收费依据", dataIndex: "basis" },
            { title: "备注", dataIndex: "note" },
          ]}
          footer={(a) => (
            <Typography.Text
              strong
            >{`合计 ${String(a.totalYuan)} 元（${String(a.totalWanYuan)} 万元）`}</Typography.Text>
          )}
        />
      ),
    },
    {
      key: "trainings",
      label: "培训",
      children: (
        <RegisterTab<Training>
          noun="培训"
          path="/api/registries/trainings"
          agencyId={agencyId}
          query={{ year }}
          fields={TRAINING_FIELDS}
          toBody={(values, creating) => recordBody(TRAINING_FIELDS, values, creating)}
          mayManage={mayManage}
          columns={[
            { title: "培训日期", dataIndex: "heldOn", width: 110 },
            { title: "培训主题", dataIndex: "topic" },
            { title: "人次", dataIndex: "personTimes", width: 80, align: "right" },
          ]}
          footer={(a) => (
            <Typography.Text
              strong
            >{`本年 ${String(a.sessions)} 次、${String(a.personTimes)} 人次`}</Typography.Text>
          )}
        />
      ),
    },
    {
      key: "interpretations",
      label: "政策解读",
      children: (
        <RegisterTab<Interpretation>
          noun="政策解读"
          path="/api/registries/interpretations"
          agencyId={agencyId}
          query={{ year }}
          fields={INTERPRETATION_FIELDS}
          toBody={(values, creating) => recordBody(INTERPRETATION_FIELDS, values, creating)}
          mayManage={mayManage}
          columns={[
            { title: "解读标题", dataIndex: "title" },
            { title: "发布日期", dataIndex: "publishedOn", width: 110 },
            { title: "形式", dataIndex: "form", width: 80 },
            { title: "所解读的政策", dataIndex: "policyTitle" },
            { title: "政策文号", dataIndex: "policyDocNo" },
          ]}
        />
      ),
    },
    {
      key: "summary",
      label: "年度汇总（表二）",
      children: <SummaryTab agencyId={agencyId} year={year} stamp={stamp} />,
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <AgencyYearPicker {...picker} idPrefix="registry" />
      <Card size="small">
        <Tabs activeKey={tab} onChange={switchTab} items={items} destroyOnHidden />
      </Card>
    </Space>
  );
}
