/**
 * The database schema as Kysely types: one interface per table. Columns are portable between SQLite and
 * PostgreSQL: integer ids, text timestamps (ISO 8601, UTC), integer 0/1 for booleans, JSON as text.
 */
import type { ColumnType, Generated } from "kysely";
import type { AgencyKind } from "../core/agency/agency-kind.ts";
import type { LetterKind, LetterStatus } from "../core/letter/letter-kinds.ts";
import type { ReminderKind } from "../core/reminders/reminder-due.ts";
import type { ApplicantKind } from "../core/request/outcomes.ts";
import type { CaseEventType, Channel, RequestStatus } from "../core/request/request-events.ts";
import type { ChannelResponseTables } from "./schema-channel-responses.ts";
import type { JobTables } from "./schema-jobs.ts";
import type { MessageTables } from "./schema-messages.ts";
import type { MonitorTables } from "./schema-monitors.ts";
import type { PublicFormTables } from "./schema-public-forms.ts";
import type { PublicationSchema } from "./schema-publications.ts";
import type { RegistryTables } from "./schema-registries.ts";
import type { ReportTables } from "./schema-reports.ts";
import type { ThrottleTables } from "./schema-throttle.ts";
import type { TrackingTables } from "./schema-tracking.ts";

/** An agency (行政机关): a government or one of its departments; agencies form a tree. */
export interface AgencyTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  /** "government" (人民政府) or "department" (部门). */
  kind: AgencyKind;
  /** 统一社会信用代码, 18 characters (GB 32100). */
  credit_code: string;
  office_name: string;
  office_address: string;
  office_hours: string;
  office_phone: string;
  office_fax: string;
  office_email: string;
  office_website: string;
  /** 1: 先审后发分人办理 (SOD-1, migration 0014); 0: one person may take every step. */
  separate_review_duties: ColumnType<number, number | undefined, number>;
  /** 1: a letter is issued (签发) by a 公开办负责人 other than its drafter (SOD-2, migration 0014). */
  letter_sign_off_by_head: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** A person's account. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  /** 1 when the password was set by someone else and must be changed at next login. */
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  /** Where reminders go (migration 0004); "" when unknown (then the agency's office e-mail is used). */
  email: ColumnType<string, string | undefined, string>;
  created_at: string;
  updated_at: string;
}

/** A role a user holds in an agency (roles are per agency). */
export interface RoleAssignmentTable {
  id: Generated<number>;
  user_id: number;
  agency_id: number;
  role: string;
  created_at: string;
}

/** A login session; the id stored is the SHA-256 of the cookie token, never the token itself. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
  revoked_at: string | null;
}

/** Login attempts, for throttling by address and by username. */
export interface LoginAttemptTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  success: number;
}

/** The append-only, hash-chained audit trail. */
export interface TrailTable {
  seq: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  actor_role: string;
  agency_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  ip: string;
  prev_hash: string;
  hash: string;
  /** HMAC-SHA256 of (seq, hash) under the trail key (migration 0015); null on entries from before it. */
  mac: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A signed checkpoint of the trail (count, head hash), written with every append (migration 0015). */
export interface TrailCheckpointTable {
  /** The head entry's seq. */
  seq: number;
  /** How many entries the trail holds up to and including `seq`. */
  entry_count: number;
  head_hash: string;
  at: string;
  mac: string;
}

/** The first seq written with a MAC (one row, migration 0015); earlier entries are checked by the chain alone. */
export interface TrailAnchoringTable {
  anchored_from: number;
}

/** Key/value settings of the installation (e.g. that first-run seeding happened). */
export interface SettingTable {
  key: string;
  value: ColumnType<string, string, string>;
}

/** A disclosure request (依申请公开) case; its status changes only through the request state machine. */
export interface RequestTable {
  id: Generated<number>;
  agency_id: number;
  tracking_no: string;
  verify_hash: string;
  idempotency_key: string | null;
  channel: Channel;
  receipt_rule: string;
  received_on: string;
  confirmed_by: number | null;
  confirmed_at: string | null;
  applicant_kind: ApplicantKind;
  applicant_name: string;
  org_credit_code: string;
  org_representative: string;
  id_type: string;
  id_number: string;
  phone: string;
  address: string;
  postcode: string;
  email: string;
  description: string;
  provision_form: string;
  delivery_method: string;
  status: RequestStatus;
  extended: number;
  outcome: string | null;
  closed_on: string | null;
  due_on: string | null;
  due_provisional: number;
  calendar_version: string;
  case_officer_id: number | null;
  created_at: string;
  updated_at: string;
}

/** The append-only case log of a request. */
export interface RequestEventTable {
  id: Generated<number>;
  request_id: number;
  seq: number;
  type: CaseEventType;
  occurred_on: string;
  at: string;
  actor_user_id: number | null;
  data_json: string;
}

/** A file attached to a request (identity document, supplement, other). */
export interface RequestAttachmentTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_at: string;
}

/** A letter (答复书, 告知书 …): an editable draft until issued, then frozen with its DOCX and PDF. */
export interface LetterTable {
  id: Generated<number>;
  request_id: number;
  kind: LetterKind;
  status: LetterStatus;
  title: string;
  body: string;
  issued_at: string | null;
  issued_by: number | null;
  /** The user who drafted the letter (migration 0014; null when unknown). */
  drafted_by: ColumnType<number | null, number | null | undefined, number | null>;
  docx: Uint8Array | null;
  pdf: Uint8Array | null;
  created_at: string;
  updated_at: string;
}

/** An editable letter template (agency_id null: the default of the installation). */
export interface LetterTemplateTable {
  id: Generated<number>;
  agency_id: number | null;
  kind: string;
  outcome: string | null;
  title: string;
  body: string;
  updated_at: string;
}

/** Reminders already sent, so each is sent once even across restarts. */
export interface ReminderSentTable {
  request_id: number;
  kind: ReminderKind;
  due_on: string;
  sent_at: string;
  /** When the mail server accepted it (migration 0004); null while it is still to be sent. */
  delivered_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The address it went (or is to go) to. */
  recipient: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  /** Why the last attempt failed ("" when none did). */
  last_error: ColumnType<string, string | undefined, string>;
  /** Until when a run holds it for sending, so no two runs send it at once. */
  claimed_until: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A year's working-day schedule entered by an administrator (R-WD-3, R-WD-4). */
export interface CalendarYearTable {
  year: number;
  holidays_json: string;
  workdays_json: string;
  source: string;
  entered_by: number | null;
  created_at: string;
}

/** All tables. */
export interface Schema
  extends ChannelResponseTables,
    JobTables,
    MessageTables,
    MonitorTables,
    PublicFormTables,
    ReportTables,
    TrackingTables,
    ThrottleTables,
    PublicationSchema,
    RegistryTables {
  requests: RequestTable;
  request_events: RequestEventTable;
  request_attachments: RequestAttachmentTable;
  letters: LetterTable;
  letter_templates: LetterTemplateTable;
  reminders_sent: ReminderSentTable;
  calendar_years: CalendarYearTable;
  agencies: AgencyTable;
  users: UserTable;
  role_assignments: RoleAssignmentTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  trail: TrailTable;
  trail_checkpoints: TrailCheckpointTable;
  trail_anchoring: TrailAnchoringTable;
  settings: SettingTable;
}
