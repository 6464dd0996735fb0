/**
 * Recording the replies a new-media account gave to the public (回应关注, e.g. the sample report's
 * "微博回应关注42件"): each reply is a dated record of the channel; the report counts them per year.
 */
import { parseDate } from "../core/calendar/calendar-date.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { recordChange } from "../trail/record-change.ts";
import type { Actor } from "../trail/trail-actor.ts";
import { findChannel } from "./channel.repository.ts";
import { insertResponses } from "./channel-response.repository.ts";

/** One reply as entered. */
export interface ResponseInput {
  readonly respondedOn: string;
  readonly subject: string;
}

/** Records replies of a channel (all or none), with one trail entry; returns how many were recorded. */
export async function recordChannelResponses(
  database: Database,
  channelId: number,
  rows: readonly ResponseInput[],
  actor: Actor,
): Promise<number> {
  const channel = await findChannel(database.db, channelId);
  if (!channel) throw new DomainError("NOT_FOUND", "找不到该政务新媒体账号");
  const checked = rows.map((r, i) => {
    const subject = r.subject.trim();
    let valid = /^\d{4}-\d{2}-\d{2}$/.test(r.respondedOn);
    try {
      if (valid) parseDate(r.respondedOn);
    } catch {
      valid = false;
    }
    if (!valid) throw new DomainError("INVALID_DATE", `第 ${i + 1} 条回应的日期不正确，应为 YYYY-MM-DD`);
    if (subject === "" || subject.length > 200) {
      throw new DomainError("INVALID_INPUT", `第 ${i + 1} 条回应须填写事由（不超过 200 个字）`);
    }
    return { respondedOn: r.respondedOn, subject };
  });
  return database.db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const count = await insertResponses(trx, channel.id, channel.agencyId, checked, at);
    await recordChange(trx, database.dialect, actor, {
      agencyId: channel.agencyId,
      action: "channel.responses",
      entityType: "channel",
      entityId: channel.id,
      after: { count },
      at,
    });
    return count;
  });
}
