/**
 * Reading a posts spreadsheet (CSV in UTF-8, or XLSX): a header row naming the columns 渠道, 标题, 链接,
 * 发布时间 and optionally 信息ID, then one post per row. Every row is read; the rows and the problems of the
 * unreadable ones are returned together, so the import is all or nothing.
 */
// exceljs (slow to load) is imported when a workbook is read, not when the server starts.
import type ExcelJS from "exceljs";
import { failPublication } from "../core/publication/publication-errors.ts";
import { assertZipWithinLimits } from "../readers/bounded-unzip.ts";
import { IMPORT_INFLATE_LIMITS, isInflateLimitError } from "../readers/inflate-limits.ts";
import type { Channel } from "./channel.repository.ts";
import { type PostRow, type RowProblem, readPostTime } from "./post-rows.ts";

/** The header names accepted for each field. */
const HEADERS = {
  channel: ["渠道", "发布渠道", "账号"],
  title: ["标题", "名称"],
  url: ["链接", "网址", "URL"],
  postedAt: ["发布时间", "时间"],
  publicationId: ["信息ID", "信息编号"],
} as const;

/** Most rows one import takes. */
export const MAX_IMPORT_ROWS = 20_000;

/** The cells of a CSV text (RFC 4180 quoting), row by row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows.filter((r) => r.some((v) => v.trim() !== ""));
}

/** The text of an XLSX cell value (dates as Asia/Shanghai wall-clock time). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // Excel stores wall-clock time without a zone; exceljs reads it as UTC.
    return value.toISOString().slice(0, 19).replace("T", " ");
  }
  if (typeof value === "object" && "text" in value) return String(value.text);
  if (typeof value === "object" && "hyperlink" in value) return String(value.hyperlink);
  if (typeof value === "object" && "result" in value) return String(value.result ?? "");
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return String(value);
}

/** The rows of the first sheet of an XLSX file. */
async function xlsxRows(bytes: Uint8Array): Promise<string[][]> {
  // A workbook inflating past 32 MB or holding over 2,000 parts is refused before exceljs inflates it.
  await assertZipWithinLimits(bytes, IMPORT_INFLATE_LIMITS);
  const { Workbook } = (await import("exceljs")).default;
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1).map(cellText));
  });
  return rows;
}

/** The rows of an uploaded file, by its content (ZIP → XLSX, else UTF-8 CSV). */
export async function readSheet(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  try {
    if (zip) return await xlsxRows(bytes);
    if (fileName.toLowerCase().endsWith(".xlsx")) throw new Error("not a zip");
    return parseCsv(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    if (isInflateLimitError(error)) throw error;
    throw failPublication("UNREADABLE_IMPORT");
  }
}

/** The posts of a sheet's rows for an agency's channels (named by channel name), and the row problems. */
export function postsOfSheet(
  rows: readonly string[][],
  channels: readonly Channel[],
): { posts: PostRow[]; problems: RowProblem[] } {
  const [header, ...data] = rows;
  const problems: RowProblem[] = [];
  const index = (names: readonly string[]) => (header ?? []).findIndex((h) => names.includes(h.trim()));
  const at = {
    channel: index(HEADERS.channel),
    title: index(HEADERS.title),
    url: index(HEADERS.url),
    postedAt: index(HEADERS.postedAt),
    publicationId: index(HEADERS.publicationId),
  };
  if (at.channel < 0 || at.url < 0 || at.postedAt < 0) {
    return {
      posts: [],
      problems: [{ row: 1, message: "表头须包含“渠道”“链接”“发布时间”三列（可选“标题”“信息ID”）" }],
    };
  }
  if (data.length === 0) return { posts: [], problems: [{ row: 2, message: "文件中没有发布记录" }] };
  if (data.length > MAX_IMPORT_ROWS) {
    return {
      posts: [],
      problems: [{ row: MAX_IMPORT_ROWS + 2, message: `一次最多导入 ${MAX_IMPORT_ROWS} 条` }],
    };
  }
  const byName = new Map(channels.map((c) => [c.name, c]));
  const posts: PostRow[] = [];
  data.forEach((cells, i) => {
    const n = i + 2;
    const get = (k: number) => (k < 0 ? "" : (cells[k] ?? "").trim());
    const channel = byName.get(get(at.channel));
    const time = readPostTime(get(at.postedAt));
    const idText = get(at.publicationId);
    if (!channel) problems.push({ row: n, message: `渠道“${get(at.channel).slice(0, 50)}”未登记` });
    if (!time) problems.push({ row: n, message: "发布时间格式不正确，应为 YYYY-MM-DD HH:mm" });
    if (idText !== "" && !/^[1-9]\d{0,9}$/.test(idText))
      problems.push({ row: n, message: "信息ID 应为正整数" });
    if (channel && time && (idText === "" || /^[1-9]\d{0,9}$/.test(idText))) {
      posts.push({
        channelId: channel.id,
        publicationId: idText === "" ? null : Number(idText),
        title: get(at.title).slice(0, 300),
        url: get(at.url),
        ...time,
        line: n,
      });
    }
  });
  return { posts, problems };
}
