/**
 * The public page of one catalog item: its metadata table (索引号, 主题分类, 发布机构, 成文日期, 发布日期, 文号,
 * 体裁, 有效性, 条例第二十条 item, 名称, 内容概述), the sanitised body and the attachments; an amended item
 * links to its new version.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { PROACTIVE_CATEGORIES } from "../core/agency/proactive-categories.ts";
import { DisclosureFrame } from "../web/disclosure-frame.tsx";
import type { PageFrame } from "../web/page-layout.tsx";
import type { Attachment } from "./attachment.repository.ts";
import { sanitizeBody } from "./body-sanitizer.ts";
import { catalogPath } from "./catalog-parts.tsx";
import type { PublicationRecord } from "./publication.repository.ts";

/** Props of the item page. */
export interface CatalogItemProps extends PageFrame {
  readonly agency: Agency;
  readonly item: PublicationRecord;
  readonly columnName: string;
  readonly attachments: readonly Attachment[];
}

/** A size in bytes as KB or MB. */
function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** GET /agencies/:id/disclosure/proactive/items/:itemId */
export function CatalogItemPage({
  agency,
  item,
  columnName,
  attachments,
  textSize,
  returnPath,
}: CatalogItemProps) {
  const category = PROACTIVE_CATEGORIES.find((c) => c.item === item.categoryItem);
  const rows: [string, string][] = [
    ["索引号", item.indexNo ?? ""],
    ["主题分类", item.topic],
    ["发布机构", item.publisher],
    ["成文日期", item.writtenOn ?? ""],
    ["发布日期", item.publishedOn ?? ""],
    ["文号", item.documentNo],
    ["体裁", item.genre],
    ["有效性", item.validity],
    ["所属栏目", columnName],
    ["条例第二十条类别", category ? `${category.item}${category.title}` : ""],
    ["名称", item.title],
    ["内容概述", item.summary],
  ];
  return (
    <DisclosureFrame
      agency={agency}
      column="proactive"
      heading={item.title}
      textSize={textSize}
      returnPath={returnPath}
    >
      <p>
        <a href={catalogPath(agency.id, `columns/${item.columnId}`)}>返回{columnName}</a>
      </p>
      {item.amendedById !== null ? (
        <p className="notice">
          本信息已修订，请查阅<a href={catalogPath(agency.id, `items/${item.amendedById}`)}>修订后的版本</a>。
        </p>
      ) : null}
      {item.amendsId !== null ? (
        <p className="notice">
          本信息是<a href={catalogPath(agency.id, `items/${item.amendsId}`)}>原版本</a>的修订版本。
        </p>
      ) : null}
      {/* A table wider than a phone scrolls inside its region, which takes keyboard focus to scroll. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1). */}
      <section className="table-wrap" aria-label="信息索引" tabIndex={0}>
        <table className="item-meta">
          <caption>信息索引</caption>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>正文</h2>
      {/* The body was sanitised with an allow-list when stored, and is sanitised again on the way out. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: allow-list sanitised rich text (sanitize-html). */}
      <div className="item-body" dangerouslySetInnerHTML={{ __html: sanitizeBody(item.bodyHtml) }} />
      {attachments.length > 0 ? (
        <>
          <h2>附件</h2>
          <ul className="column-list">
            {attachments.map((a) => (
              <li key={a.id}>
                <a href={catalogPath(agency.id, `items/${item.id}/attachments/${a.id}`)}>{a.fileName}</a>（
                {sizeText(a.size)}）
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </DisclosureFrame>
  );
}
