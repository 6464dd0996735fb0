/**
 * One line of what an event of the case log carries (the items to supplement and by when, who was
 * consulted, the extension's working days, the fee, the outcome and reason …), in Chinese.
 */
import { outcomeById } from "../../../src/core/request/outcomes.ts";

const str = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value : null;
const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

/** The details of an event by its type and data; "" when there is nothing to add. */
export function eventDetail(type: string, data: Readonly<Record<string, unknown>> | null): string {
  const d = data ?? {};
  const parts: (string | null)[] = [];
  switch (type) {
    case "assigned":
      parts.push(str(d.caseOfficerName) && `承办人：${d.caseOfficerName}`);
      break;
    case "supplement_requested":
      parts.push(
        str(d.items) && `补正事项：${d.items}`,
        str(d.supplementBy) && `补正期限：${d.supplementBy}`,
      );
      break;
    case "supplement_received":
      parts.push(str(d.lateReason) && `逾期理由：${d.lateReason}`);
      break;
    case "consultation_sent":
      parts.push(
        str(d.consultee) && `${d.party === "agency" ? "征求其他机关" : "征求第三方"}：${d.consultee}`,
      );
      break;
    case "extension_proposed":
    case "extension_approved":
      parts.push(
        num(d.workdays) !== null ? `延长 ${d.workdays} 个工作日` : null,
        str(d.reason) && `理由：${d.reason}`,
        str(d.approvedByName) && `批准人：${d.approvedByName}`,
        str(d.notifiedOn) && `告知申请人：${d.notifiedOn}`,
      );
      break;
    case "delayed":
      parts.push(str(d.replyBy) && `延迟至 ${d.replyBy} 答复`, str(d.reason) && `理由：${d.reason}`);
      break;
    case "fee_notified":
      parts.push(
        num(d.quantity) !== null
          ? `${d.method === "per_volume" ? "按量" : "按件"}计收 ${d.quantity}${d.method === "per_volume" ? " 页" : " 件"}`
          : null,
        num(d.amountYuan) !== null ? `${d.amountYuan} 元` : null,
        str(d.rule),
      );
      break;
    case "answered_on_the_spot":
    case "closed": {
      const outcome = str(d.outcome) ? outcomeById(String(d.outcome)) : undefined;
      parts.push(
        outcome ? `${outcome.id} ${outcome.name}` : str(d.outcome),
        str(d.reason) && `理由：${d.reason}`,
        str(d.responsibleAgency) && `负责机关：${d.responsibleAgency}`,
      );
      break;
    }
    case "withdrawn":
      parts.push(str(d.reason));
      break;
    case "deadline_recomputed":
      parts.push(
        `答复期限 ${str(d.fromDue) ?? "—"}${d.fromProvisional ? "（暂定）" : ""} → ${str(d.toDue) ?? "—"}${d.toProvisional ? "（暂定）" : ""}`,
        str(d.calendarVersion) && `工作日历：${d.calendarVersion}`,
      );
      break;
    default:
      break;
  }
  return parts
    .filter((p): p is string => typeof p === "string" && p !== "")
    .map((p) => p.replace(/[。；;，,\s]+$/, ""))
    .join("；");
}
