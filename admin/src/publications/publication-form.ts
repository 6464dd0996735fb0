/**
 * The item editor's values and the body it sends: what a form holds (dates as text, blanks as ""), read
 * from an item, and turned into the content of POST /api/publications or the changes of PATCH.
 */
import type { PublicationContentBody, PublicationView } from "../api/publication-types.ts";

/** What the editor holds. */
export interface PublicationFormValues {
  readonly columnId: number | undefined;
  readonly title: string;
  readonly summary: string;
  readonly publisher: string;
  readonly writtenOn: string;
  readonly formedOn: string;
  readonly documentNo: string;
  readonly topic: string;
  readonly genre: string;
  readonly categoryItem: string | undefined;
  readonly bodyHtml: string;
  readonly issueNo: string;
}

/** An empty editor; the formation date defaults to `today`. */
export function emptyPublicationForm(today: string, columnId?: number): PublicationFormValues {
  return {
    columnId,
    title: "",
    summary: "",
    publisher: "",
    writtenOn: "",
    formedOn: today,
    documentNo: "",
    topic: "",
    genre: "",
    categoryItem: undefined,
    bodyHtml: "",
    issueNo: "",
  };
}

/** The editor's values of an item. */
export function formOfPublication(item: PublicationView): PublicationFormValues {
  return {
    columnId: item.columnId,
    title: item.title,
    summary: item.summary,
    publisher: item.publisher,
    writtenOn: item.writtenOn ?? "",
    formedOn: item.formedOn,
    documentNo: item.documentNo,
    topic: item.topic,
    genre: item.genre,
    categoryItem: item.categoryItem ?? undefined,
    bodyHtml: item.bodyHtml,
    issueNo: item.issueNo === null ? "" : String(item.issueNo),
  };
}

/** A problem with the values, in Chinese, or null when they may be sent. */
export function formProblem(values: PublicationFormValues): string | null {
  if (values.columnId === undefined) return "请选择栏目";
  if (values.title.trim() === "") return "请填写名称";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.formedOn)) return "请填写形成日期（YYYY-MM-DD）";
  if (values.writtenOn !== "" && !/^\d{4}-\d{2}-\d{2}$/.test(values.writtenOn))
    return "成文日期格式应为 YYYY-MM-DD";
  if (values.issueNo.trim() !== "" && !/^[1-9]\d{0,5}$/.test(values.issueNo.trim())) return "期号应为正整数";
  return null;
}

/** The content the values stand for (call only when formProblem is null). */
export function contentOfForm(values: PublicationFormValues): PublicationContentBody {
  const issue = values.issueNo.trim();
  return {
    columnId: values.columnId ?? 0,
    title: values.title.trim(),
    summary: values.summary.trim(),
    publisher: values.publisher.trim(),
    writtenOn: values.writtenOn === "" ? null : values.writtenOn,
    formedOn: values.formedOn,
    documentNo: values.documentNo.trim(),
    topic: values.topic.trim(),
    genre: values.genre.trim(),
    categoryItem: values.categoryItem ?? null,
    bodyHtml: values.bodyHtml,
    issueNo: issue === "" ? null : Number(issue),
  };
}

/** The fields of `after` that differ from `before` (the body of PATCH; empty when nothing changed). */
export function changedContent(
  before: PublicationContentBody,
  after: PublicationContentBody,
): Partial<PublicationContentBody> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof PublicationContentBody)[]) {
    if (after[key] !== before[key]) changes[key] = after[key];
  }
  return changes as Partial<PublicationContentBody>;
}
