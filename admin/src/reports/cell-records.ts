/**
 * The records behind a table value of the annual report: which value paths a table's cells have
 * ("proactive.licensing", "applications.new.6", "review.reconsideration.total"), the records named for a
 * path, and where in the back office each record opens.
 */
import type { CellRecords } from "../api/report-types.ts";

/** The Chinese name of a record kind, as the popover lists it. */
export const RECORD_KIND_NAMES: Readonly<Record<string, string>> = {
  request: "申请",
  regulation: "规章/规范性文件",
  decision: "行政决定",
  fee: "收费项目",
  reviewCase: "复议诉讼案件",
};

/** The records behind a value path (none when the report names none). */
export function recordsOf(cells: Readonly<Record<string, CellRecords>>, path: string): CellRecords | null {
  const found = cells[path];
  return found && found.ids.length > 0 ? found : null;
}

/** The shell path where one record opens (requests have their case page; the rest their register). */
export function recordPath(kind: string, id: number): string {
  switch (kind) {
    case "request":
      return `/requests/${id}`;
    case "decision":
      return `/registries?tab=decisions&decisionId=${id}`;
    case "regulation":
      return `/registries?tab=regulations&regulationId=${id}`;
    case "fee":
      return "/registries?tab=fees";
    case "reviewCase":
      return `/litigation?caseId=${id}`;
    default:
      return "/";
  }
}

/** A record's short label when its details are not loaded: "申请 #12". */
export function recordLabel(kind: string, id: number): string {
  return `${RECORD_KIND_NAMES[kind] ?? "记录"} #${id}`;
}

/** The API address of one record's details, or null where there is none to fetch. */
export function recordApiPath(kind: string, id: number): string | null {
  switch (kind) {
    case "request":
      return `/api/requests/${id}`;
    case "decision":
      return `/api/registries/decisions/${id}`;
    case "regulation":
      return `/api/registries/regulations/${id}`;
    case "reviewCase":
      return `/api/litigation/${id}`;
    default:
      return null;
  }
}

/** The value paths of table 二, row by row, in the order of the 2021 format. */
export const TABLE2_PATHS = {
  regulations: ["regulations.issued", "regulations.abolished", "regulations.valid"],
  normativeDocuments: [
    "normativeDocuments.issued",
    "normativeDocuments.abolished",
    "normativeDocuments.valid",
  ],
  licensing: "licensing",
  penalty: "penalty",
  enforcement: "enforcement",
  fees: "fees",
} as const;

/** The full value path of a table 二 key ("licensing" → "proactive.licensing"). */
export function proactivePath(key: string): string {
  return `proactive.${key}`;
}

/** The value path of a table 三 count. */
export function applicationsPath(rowKey: string, column: number): string {
  return `applications.${rowKey}.${column}`;
}

/** The value path of a table 四 value. */
export function reviewPath(group: string, field: string): string {
  return `review.${group}.${field}`;
}

/** A one-line description of a fetched record (the answer of recordApiPath), or the short label. */
export function recordSummary(kind: string, id: number, record: unknown): string {
  const r = (record ?? {}) as Record<string, unknown>;
  const text = (...keys: string[]) =>
    keys
      .map((k) => r[k])
      .filter((v): v is string => typeof v === "string" && v !== "")
      .join(" ");
  const described =
    kind === "request"
      ? text("trackingNo", "statusName")
      : kind === "decision"
        ? text("docNo", "matter")
        : kind === "regulation"
          ? text("docNo", "title")
          : kind === "reviewCase"
            ? text("kindName", "caseNo", "resultName")
            : "";
  return described === "" ? recordLabel(kind, id) : described;
}
