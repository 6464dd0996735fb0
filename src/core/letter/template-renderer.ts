/**
 * The template renderer: fills `{{name}}` placeholders, keeps `{{#name}}…{{/name}}` only when the value is
 * present and `{{^name}}…{{/name}}` only when it is absent (the Mustache forms), and reports what it could
 * not fill: unknown names, known names without a value, and unbalanced sections.
 */
import { isPlaceholderName, type PlaceholderValues } from "./letter-placeholders.ts";

/** What rendering produced and what it could not fill. */
export interface RenderResult {
  readonly text: string;
  /** Names that are not placeholders of PLACEHOLDERS (left in the text as written). */
  readonly unknown: readonly string[];
  /** Known placeholders without a value, still in the text as `{{name}}`. */
  readonly missing: readonly string[];
  /** Unbalanced or mismatched sections, in Chinese. */
  readonly errors: readonly string[];
}

const TAG = /\{\{\s*([#^/]?)\s*([^{}\s]*)\s*\}\}/g;

type Node =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "value"; readonly name: string; readonly raw: string }
  | {
      readonly type: "section";
      readonly name: string;
      readonly inverted: boolean;
      readonly children: Node[];
    };

interface Frame {
  readonly name: string;
  readonly inverted: boolean;
  readonly children: Node[];
}

/** The template as a tree of text, values and sections; structural problems are collected in `errors`. */
function parse(template: string, errors: string[]): Node[] {
  const root: Frame = { name: "", inverted: false, children: [] };
  const stack: Frame[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    const [raw, sigil = "", name = ""] = match;
    const start = match.index ?? 0;
    if (start > last) top().children.push({ type: "text", text: template.slice(last, start) });
    last = start + raw.length;
    if (sigil === "#" || sigil === "^") {
      const frame: Frame = { name, inverted: sigil === "^", children: [] };
      top().children.push({ type: "section", ...frame });
      stack.push(frame);
    } else if (sigil === "/") {
      if (stack.length > 1 && top().name === name) stack.pop();
      else errors.push(`结束标记 {{/${name}}} 没有对应的开始标记`);
    } else {
      top().children.push({ type: "value", name, raw });
    }
  }
  if (last < template.length) top().children.push({ type: "text", text: template.slice(last) });
  for (const open of stack.slice(1))
    errors.push(`段落标记 {{${open.inverted ? "^" : "#"}${open.name}}} 没有结束标记`);
  return root.children;
}

/** A value as inserted: braces doubled in user-typed text would read as placeholders, so they are split. */
function inserted(value: string): string {
  return value.replaceAll("{{", "{ {").replaceAll("}}", "} }");
}

/**
 * Fills a template with the values; see RenderResult for what is reported. `isKnown` names the placeholders
 * of the kind of document (letters by default; the annual report passes its own).
 */
export function renderTemplate(
  template: string,
  values: PlaceholderValues | Readonly<Record<string, string>>,
  isKnown: (name: string) => boolean = isPlaceholderName,
): RenderResult {
  const errors: string[] = [];
  const unknown = new Set<string>();
  const missing = new Set<string>();
  const lookUp = (name: string): string | undefined => {
    if (!isKnown(name)) {
      unknown.add(name);
      return undefined;
    }
    const value = (values as Readonly<Record<string, string | undefined>>)[name];
    return value === undefined || value.trim() === "" ? undefined : value;
  };
  const render = (nodes: readonly Node[]): string =>
    nodes
      .map((node) => {
        if (node.type === "text") return node.text;
        const value = lookUp(node.name);
        if (node.type === "section")
          return (value !== undefined) !== node.inverted ? render(node.children) : "";
        if (value !== undefined) return inserted(value);
        if (isKnown(node.name)) missing.add(node.name);
        return node.raw;
      })
      .join("");
  const text = render(parse(template, errors));
  return { text, unknown: [...unknown], missing: [...missing], errors };
}

/** The placeholder names a template uses (values and sections), each once, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(TAG)) names.add(match[2] ?? "");
  return [...names];
}
