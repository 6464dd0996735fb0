/**
 * The body editor's buttons: wrap the selected text of the HTML source in a paragraph, bold, a list or a
 * link (the server sanitises whatever is sent).
 */

/** What a button does. */
export type MarkupKind = "paragraph" | "bold" | "list" | "link";

/** The toolbar's buttons, in order. */
export const MARKUP_BUTTONS: readonly { readonly kind: MarkupKind; readonly label: string }[] = [
  { kind: "paragraph", label: "段落" },
  { kind: "bold", label: "加粗" },
  { kind: "list", label: "列表" },
  { kind: "link", label: "链接" },
];

/** Escapes text for HTML source. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The markup of a selection; a list puts each selected line in its own item. */
function markup(kind: MarkupKind, selected: string, href: string): string {
  switch (kind) {
    case "paragraph":
      return `<p>${selected}</p>`;
    case "bold":
      return `<strong>${selected}</strong>`;
    case "list": {
      const lines = selected.split(/\r?\n/).filter((line) => line.trim() !== "");
      const items = (lines.length > 0 ? lines : [""]).map((line) => `  <li>${line.trim()}</li>`);
      return `<ul>\n${items.join("\n")}\n</ul>`;
    }
    case "link":
      return `<a href="${escapeHtml(href)}">${selected || escapeHtml(href)}</a>`;
  }
}

/**
 * The source with the selection [start, end) wrapped, and where the caret goes after it. `href` is the
 * link's address (used by "link" only).
 */
export function wrapSelection(
  source: string,
  start: number,
  end: number,
  kind: MarkupKind,
  href = "",
): { readonly text: string; readonly caret: number } {
  const from = Math.max(0, Math.min(start, end, source.length));
  const to = Math.min(source.length, Math.max(start, end));
  const inserted = markup(kind, source.slice(from, to), href);
  return { text: source.slice(0, from) + inserted + source.slice(to), caret: from + inserted.length };
}
