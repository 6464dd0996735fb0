/**
 * Tables of the public forms' abuse limits (migration 0016): accepted posts per sender, and spent tokens.
 */
import type { Generated } from "kysely";

/** One post accepted from a public form, counted against its sender's flood limits. */
export interface FormPostTable {
  id: Generated<number>;
  /** Which form ("request" for the online request form). */
  form: string;
  /** HMAC-SHA256 of the sender's address with the installation secret (no address is stored). */
  sender_hash: string;
  /** When, as an ISO UTC instant. */
  at: string;
}

/** A message-board form token already spent, with the post it served. */
export interface UsedFormTokenTable {
  /** The token's issue time and random part ("1700000000000.AbC…"), unique per rendered form. */
  token_id: string;
  /** The idempotency key of the post it served (the same post may be sent again). */
  used_for: string;
  /** When the token would expire anyway; the row can be pruned after it. */
  expires_at: string;
}

/** The public forms' tables, merged into Schema. */
export interface PublicFormTables {
  form_posts: FormPostTable;
  used_form_tokens: UsedFormTokenTable;
}
