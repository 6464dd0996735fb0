/**
 * The status look-up behind /requests/status: reserve the attempt (per address and per tracking number), check the
 * code through the tracking service, record the attempt, and prepare what the applicant may see — the
 * letters addressed to them with signed, short-lived download links, and whether the office has confirmed
 * the request yet (R-31-4).
 */
import { type Channel, needsConfirmation } from "../core/request/request-events.ts";
import type { Database } from "../db/database.ts";
import { listIssuedLetters } from "../letters/letter-files.service.ts";
import { findRequestByTrackingNo } from "./request.repository.ts";
import type { LetterLinks } from "./request-status-page.tsx";
import { type PublicRequestView, trackRequest } from "./request-tracking.service.ts";
import { trackingFail } from "./tracking-errors.ts";
import { issueDownloadToken, type LetterFormat } from "./tracking-signatures.ts";
import { recordAttempt, reserveTrackingAttempt } from "./tracking-throttle.ts";

/** What a tracking number looks like (YSQ{YYYY}{agencyId:4}{serial:5}); anything else matches no request. */
const TRACKING_NO_SHAPE = /^YSQ\d{13,20}$/;

/** The path under which letter downloads are served (the token follows). */
export const LETTER_DOWNLOAD_PATH = "/requests/status/letters";

/** A string as typed on a phone, made comparable: full-width letters and digits to ASCII, no spaces, upper case. */
export function normaliseTyped(value: string | undefined): string {
  return (value ?? "")
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\s\u3000]/g, "")
    .toUpperCase()
    .slice(0, 40);
}

/** A successful look-up: the view with the applicant's letters only, their links, and the R-31-4 state. */
export interface LookupResult {
  readonly view: PublicRequestView;
  readonly links: ReadonlyMap<number, LetterLinks>;
  readonly awaitingConfirmation: boolean;
}

/**
 * Looks a request up by tracking number and code from `ip` at `at`; TRACKING_THROTTLED (429) after too many
 * failures, TRACKING_INVALID (404, the same for an unknown number and a wrong code) on a failure.
 */
export async function lookUpRequest(
  database: Database,
  key: Buffer,
  attempt: { readonly ip: string; readonly trackingNo: string; readonly code: string; readonly at: Date },
): Promise<LookupResult> {
  const { ip, trackingNo, code, at } = attempt;
  // Reserved before the code is checked, so parallel guesses cannot all slip past the count (issue #9.5).
  await reserveTrackingAttempt(database, ip, trackingNo, at);
  const view = TRACKING_NO_SHAPE.test(trackingNo) ? await trackRequest(database, trackingNo, code) : null;
  await recordAttempt(database, ip, trackingNo, at, view !== null);
  const row = view ? await findRequestByTrackingNo(database.db, view.trackingNo) : undefined;
  if (!view || !row) throw trackingFail("TRACKING_INVALID");
  // Only letters addressed to the applicant are listed (never a consultation letter to a third party).
  const forApplicant = new Set((await listIssuedLetters(database, row.id)).map((l) => l.id));
  const letters = view.letters.filter((l) => forApplicant.has(l.id));
  const links = new Map<number, LetterLinks>();
  for (const letter of letters) {
    const link = (format: LetterFormat) =>
      `${LETTER_DOWNLOAD_PATH}/${issueDownloadToken(key, { requestId: row.id, letterId: letter.id, format }, at)}`;
    links.set(letter.id, { docx: link("docx"), pdf: link("pdf") });
  }
  // R-31-4: an online or faxed request is received on the day both sides confirm; until then it is not.
  const awaitingConfirmation = needsConfirmation(row.channel as Channel) && row.confirmed_at === null;
  return { view: { ...view, letters }, links, awaitingConfirmation };
}
