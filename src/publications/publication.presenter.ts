/**
 * What leaves the server about catalog items: the back office's full view (content, 先审后发 log, R-26-1
 * status, attachments, channel posts) and the short list entry.
 */
import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import type { ChannelPost } from "../channels/channel.repository.ts";
import type { PublicationSummary, PublicationView } from "../contract/publication.contract.ts";
import { STATUS_NAMES } from "../core/publication/publication-machine.ts";
import { r26Status } from "../core/publication/publication-rules.ts";
import type { Attachment } from "./attachment.repository.ts";
import type { PublicationLogEntry, PublicationRecord } from "./publication.repository.ts";

/** The list entry of an item, with its R-26-1 status as of `today`. */
export function presentSummary(item: PublicationRecord, today: string): PublicationSummary {
  return {
    id: item.id,
    agencyId: item.agencyId,
    columnId: item.columnId,
    status: item.status,
    statusName: STATUS_NAMES[item.status],
    title: item.title,
    indexNo: item.indexNo,
    documentNo: item.documentNo,
    categoryItem: item.categoryItem,
    validity: item.validity,
    formedOn: item.formedOn,
    publishedOn: item.publishedOn,
    r26: r26Status(bundledCalendar(), item.formedOn, item.publishedOn, today),
    updatedAt: item.updatedAt,
  };
}

/** The full view of an item. */
export function presentPublication(
  item: PublicationRecord,
  extra: {
    log: readonly PublicationLogEntry[];
    attachments: readonly Attachment[];
    posts: readonly ChannelPost[];
  },
  today: string,
): PublicationView {
  return {
    ...item,
    ...presentSummary(item, today),
    log: [...extra.log],
    attachments: [...extra.attachments],
    posts: [...extra.posts],
  };
}
