/**
 * What leaves the server about catalog items: the back office's full view (content, 先审后发 log, R-26-1
 * status, attachments, channel posts) and the short list entry.
 */
import { bundledCalendar } from "../calendar/bundled-calendar.ts";
import type { ChannelPost } from "../channels/channel.repository.ts";
import { STATUS_NAMES } from "../core/publication/publication-machine.ts";
import { type R26Status, r26Status } from "../core/publication/publication-rules.ts";
import type { Attachment } from "./attachment.repository.ts";
import type { PublicationLogEntry, PublicationRecord } from "./publication.repository.ts";

/** A list entry of the back office. */
export interface PublicationSummary {
  readonly id: number;
  readonly agencyId: number;
  readonly columnId: number;
  readonly status: PublicationRecord["status"];
  readonly statusName: string;
  readonly title: string;
  readonly indexNo: string | null;
  readonly documentNo: string;
  readonly categoryItem: string | null;
  readonly validity: PublicationRecord["validity"];
  readonly formedOn: string;
  readonly publishedOn: string | null;
  readonly r26: R26Status;
  readonly updatedAt: string;
}

/** The full back-office view of an item. */
export type PublicationView = PublicationSummary &
  Omit<PublicationRecord, "status" | "validity"> & {
    readonly log: readonly PublicationLogEntry[];
    readonly attachments: readonly Attachment[];
    readonly posts: readonly ChannelPost[];
  };

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
  return { ...item, ...presentSummary(item, today), ...extra };
}
