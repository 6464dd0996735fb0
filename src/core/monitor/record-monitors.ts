/**
 * Monitors over the agency's records (rules.md §6 S-1, G-12, W-7 and R-26-1): each turns the per-record
 * statuses that the rules compute (S-1 in core/registry, R-26-1 in core/publication, W-7 in core/message)
 * into one verdict with an early warning, naming the records behind it.
 */
import { missingContactFields, type OfficeContact } from "../agency/office-contact.ts";
import type { UnansweredVerdict } from "../message/message-monitor.ts";
import type { S1Status } from "../registry/decision-publication.ts";
import type { MonitorVerdict } from "./monitor-verdict.ts";

/** S-1 [S]: licensing and penalty decisions published within 7 working days; late/overdue breach, due soon warns. */
export function decisionsPublished(decisions: readonly { id: number; status: S1Status }[]): MonitorVerdict {
  const breached = decisions.filter((d) => d.status === "overdue" || d.status === "late");
  const soon = decisions.filter((d) => d.status === "dueSoon");
  const level = breached.length > 0 ? "breach" : soon.length > 0 ? "warning" : "ok";
  const overdue = breached.filter((d) => d.status === "overdue").length;
  return {
    rule: "S-1",
    name: "双公示",
    level,
    value: breached.length,
    threshold: 1,
    items: (breached.length > 0 ? breached : soon).map((d) => d.id),
    text:
      level === "breach"
        ? `行政许可、行政处罚决定超过 7 个工作日公示的 ${breached.length} 件（其中尚未公示 ${overdue} 件）`
        : level === "warning"
          ? `${soon.length} 件行政许可、行政处罚决定即将超过 7 个工作日公示期限`
          : "行政许可、行政处罚决定均在 7 个工作日内公示",
  };
}

/** G-12 [S]: the 公开指南 states the office's name, address, hours, phone, fax and internet contact (条例第十二条). */
export function guideComplete(contact: OfficeContact): MonitorVerdict {
  const missing = missingContactFields(contact);
  return {
    rule: "G-12",
    name: "政府信息公开指南",
    level: missing.length > 0 ? "breach" : "ok",
    value: missing.length,
    threshold: 1,
    items: missing,
    text:
      missing.length > 0
        ? `公开指南缺少：${missing.join("、")}（请在机关信息中补全）`
        : "公开指南载明了分类、编排体系、获取方式和工作机构的全部联系方式",
  };
}

/** W-7 [S]: the message board's verdict (a valid consultation unanswered for more than 3 months in the year). */
export function consultationsAnswered(verdict: UnansweredVerdict): MonitorVerdict {
  return {
    rule: "W-7",
    name: "留言办理",
    level: verdict.level,
    value: verdict.breaches.length,
    threshold: 1,
    items: verdict.level === "breach" ? verdict.breaches : verdict.warnings,
    text:
      verdict.level === "breach"
        ? `近一年内有 ${verdict.breaches.length} 条政务咨询超过 3 个月未答复`
        : verdict.level === "warning"
          ? `${verdict.warnings.length} 条政务咨询已超过 2 个月未答复，满 3 个月即单项否决`
          : "近一年内的政务咨询均在 3 个月内答复",
  };
}

/** R-26-1 [S]: proactive information published within 20 working days of being formed or changed (条例第二十六条). */
export function itemsPublishedInTime(
  items: readonly { id: number; flag: "ok" | "near" | "overdue" | "late" }[],
): MonitorVerdict {
  const breached = items.filter((i) => i.flag === "overdue" || i.flag === "late");
  const near = items.filter((i) => i.flag === "near");
  const level = breached.length > 0 ? "breach" : near.length > 0 ? "warning" : "ok";
  return {
    rule: "R-26-1",
    name: "主动公开时限",
    level,
    value: breached.length,
    threshold: 1,
    items: (breached.length > 0 ? breached : near).map((i) => i.id),
    text:
      level === "breach"
        ? `${breached.length} 条主动公开信息超过形成或变更之日起 20 个工作日才公开或仍未公开`
        : level === "warning"
          ? `${near.length} 条待公开信息已满 15 个工作日，20 个工作日内须公开`
          : "主动公开信息均在 20 个工作日内公开",
  };
}
