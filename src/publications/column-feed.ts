/**
 * The Atom feed (RFC 4287) of a catalog column: its latest published items, with their index numbers.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import type { Column } from "./column.repository.ts";
import type { PublicationRecord } from "./publication.repository.ts";

/** The public path of a page under an agency's 法定主动公开内容 column. */
function catalogPath(agencyId: number, rest: string): string {
  return `/agencies/${agencyId}/disclosure/proactive/${rest}`;
}

/** XML text escaped. */
function xml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}

/** The feed document of a column; `origin` is the site's scheme and host (e.g. https://gk.example.gov.cn). */
export function columnFeed(
  agency: Agency,
  column: Column,
  items: readonly PublicationRecord[],
  origin: string,
): string {
  const self = `${origin}${catalogPath(agency.id, `columns/${column.id}/feed.atom`)}`;
  const updated = items[0]?.publishedAt ?? column.updatedAt;
  const entries = items.map((item) => {
    const link = `${origin}${catalogPath(agency.id, `items/${item.id}`)}`;
    return [
      "  <entry>",
      `    <id>${xml(link)}</id>`,
      `    <title>${xml(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <updated>${xml(item.publishedAt ?? item.updatedAt)}</updated>`,
      `    <published>${xml(item.publishedAt ?? item.updatedAt)}</published>`,
      `    <author><name>${xml(item.publisher)}</name></author>`,
      `    <summary>${xml(item.summary || `索引号 ${item.indexNo ?? ""}`)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(self)}</id>`,
    `  <title>${xml(`${agency.name} · ${column.name}`)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${origin}${catalogPath(agency.id, `columns/${column.id}`)}`)}"/>`,
    `  <updated>${xml(updated)}</updated>`,
    `  <author><name>${xml(agency.name)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
