/**
 * Tables of the annual report: the draft prose of an agency-year (the tables are always computed from the
 * records), and the frozen, published versions with their files.
 */
import type { Generated } from "kysely";

/** The prose of sections 一, 五 and 六 as the staff edited it (null section: not edited, drafted from template). */
export interface ReportDraftTable {
  agency_id: number;
  year: number;
  /** JSON `{ "一"?: string, "五"?: string, "六"?: string }`. */
  prose_json: string;
  updated_at: string;
  updated_by: number | null;
}

/** A published version: frozen model, findings and the files as published. */
export interface ReportVersionTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  version: number;
  /** The calendar day of publication (C-12). */
  published_on: string;
  published_at: string;
  published_by: number | null;
  /** Why a later version corrects the earlier one ("" for the first). */
  note: string;
  model_json: string;
  findings_json: string;
  html: string;
  docx: Uint8Array;
  pdf: Uint8Array;
  xlsx: Uint8Array;
}

/** The tables of this module, merged into the database schema. */
export interface ReportTables {
  report_drafts: ReportDraftTable;
  report_versions: ReportVersionTable;
}
