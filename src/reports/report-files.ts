/**
 * The files of a published annual report: their types, Chinese file names and the Content-Disposition that
 * carries such a name (RFC 6266 / RFC 5987: an ASCII fallback and the UTF-8 name).
 */

/** The file types of a published version. */
export const REPORT_FILE_TYPES = ["html", "docx", "pdf", "xlsx", "json"] as const;

/** A file type of a published version. */
export type ReportFileType = (typeof REPORT_FILE_TYPES)[number];

/** "示范市公安局2022年政府信息公开工作年度报告（第2版）.pdf". */
export function reportFileName(agency: string, year: number, version: number, type: ReportFileType): string {
  return `${agency}${year}年政府信息公开工作年度报告${version > 1 ? `（第${version}版）` : ""}.${type}`;
}
