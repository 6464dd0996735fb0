/**
 * The worklist's table columns: tracking number (a link to the case), applicant, excerpt, agency (when the
 * user sees several), received date, status, due date with its risk, case officer and outcome.
 */
import type { TableColumnsType } from "antd";
import { Space, Tag, Typography } from "antd";
import type { RequestSummary } from "../api/request-types.ts";
import { ADMIN_BASE } from "../navigation/navigation.ts";
import { APPLICANT_KIND_LABELS } from "./request-labels.ts";
import { DueDate } from "./risk-tag.tsx";

/** Due dates first-to-last; cases without one last. */
function byDue(a: RequestSummary, b: RequestSummary): number {
  return (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31");
}

/** The columns; `severalAgencies` adds the 机关 column, `open` follows a tracking-number link. */
export function worklistColumns(
  severalAgencies: boolean,
  open: (id: number) => void,
): TableColumnsType<RequestSummary> {
  return [
    {
      title: "申请编号",
      dataIndex: "trackingNo",
      width: 180,
      render: (trackingNo: string, row) => (
        <a
          href={`${ADMIN_BASE}/requests/${row.id}`}
          onClick={(event) => {
            event.preventDefault();
            open(row.id);
          }}
        >
          {trackingNo}
        </a>
      ),
    },
    {
      title: "申请人",
      key: "applicant",
      width: 150,
      render: (_v, row) => (
        <span>
          {row.applicantName}
          <br />
          <Typography.Text type="secondary">
            {APPLICANT_KIND_LABELS[row.applicantKind] ?? row.applicantKind}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: "申请内容",
      dataIndex: "descriptionExcerpt",
      render: (text: string) => (
        <span className="worklist-excerpt" title={text}>
          {text}
        </span>
      ),
    },
    ...(severalAgencies ? [{ title: "机关", dataIndex: "agencyName", width: 150 }] : []),
    { title: "收到日期", dataIndex: "receivedOn", width: 110 },
    {
      title: "状态",
      key: "status",
      width: 120,
      render: (_v, row) => (
        <Space size={[0, 4]} wrap>
          <Tag color={row.status === "closed" ? "default" : "blue"}>{row.statusName}</Tag>
          {row.extended && <Tag color="purple">已延期</Tag>}
        </Space>
      ),
    },
    {
      title: "答复期限",
      key: "dueOn",
      showSorterTooltip: { title: "按答复期限排序本页" },
      width: 220,
      sorter: byDue,
      render: (_v, row) =>
        row.status === "closed" ? (
          <Typography.Text type="secondary">
            {row.closedOn ? `${row.closedOn} 办结` : "已办结"}
          </Typography.Text>
        ) : (
          <DueDate
            due={row.dueOn}
            provisional={row.dueProvisional}
            risk={row.risk}
            workdaysLeft={row.workdaysLeft}
          />
        ),
    },
    {
      title: "承办人",
      dataIndex: "caseOfficerName",
      width: 100,
      render: (name: string | null) => name ?? "未指定",
    },
    {
      title: "办理结果",
      dataIndex: "outcomeName",
      width: 130,
      render: (name: string | null) => name ?? "—",
    },
  ];
}
