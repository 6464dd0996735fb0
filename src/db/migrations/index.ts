/**
 * Every migration, in order. A migration is never edited once released: add a new one.
 */
import type { Kysely } from "kysely";
import type { Dialect } from "../dialect.ts";
import { up as platformBase } from "./0001-platform-base.ts";
import { up as requests } from "./0002-requests.ts";
import { up as reminders } from "./0004-reminders.ts";
import { up as publications } from "./0005-publications.ts";
import { up as registries } from "./0006-registries.ts";
import { up as trackingAttempts } from "./0007-tracking-attempts.ts";
import { up as messages } from "./0008-messages.ts";
import { up as reports } from "./0009-reports.ts";
import { up as channelResponses } from "./0010-channel-responses.ts";
import { up as monitors } from "./0011-monitors.ts";
import { up as publicationColumnList } from "./0012-publication-column-list.ts";
import { up as searchAgencyOrder } from "./0013-search-agency-order.ts";
import { up as separationOfDuties } from "./0014-separation-of-duties.ts";
import { up as trailAnchoring } from "./0015-trail-anchoring.ts";
import { up as publicFormLimits } from "./0016-public-form-limits.ts";
import { up as throttleBuckets } from "./0017-throttle-buckets.ts";
import { up as jobRuns } from "./0018-job-runs.ts";
import { up as channelPostsAgencyDay } from "./0020-channel-posts-agency-day.ts";

/** A versioned migration. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;
}

/** The migrations, in version order. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: "platform-base", up: platformBase },
  { version: 2, name: "requests", up: requests },
  { version: 4, name: "reminders", up: reminders },
  { version: 5, name: "publications", up: publications },
  { version: 6, name: "registries", up: registries },
  { version: 7, name: "tracking-attempts", up: trackingAttempts },
  { version: 8, name: "messages", up: messages },
  { version: 9, name: "reports", up: reports },
  { version: 10, name: "channel-responses", up: channelResponses },
  { version: 11, name: "monitors", up: monitors },
  { version: 12, name: "publication-column-list", up: publicationColumnList },
  { version: 13, name: "search-agency-order", up: searchAgencyOrder },
  { version: 14, name: "separation-of-duties", up: separationOfDuties },
  { version: 15, name: "trail-anchoring", up: trailAnchoring },
  { version: 16, name: "public-form-limits", up: publicFormLimits },
  { version: 17, name: "throttle-buckets", up: throttleBuckets },
  { version: 18, name: "job-runs", up: jobRuns },
  { version: 20, name: "channel-posts-agency-day", up: channelPostsAgencyDay },
];
