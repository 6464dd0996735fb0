/**
 * Rendering a report prose template (`{{name}}`, `{{#name}}…{{/name}}`, `{{^name}}…{{/name}}`) with the same
 * renderer as the letters, over the report's own placeholders, and naming in Chinese what could not be filled.
 */
import { renderTemplate } from "../letter/template-renderer.ts";
import { REPORT_PLACEHOLDERS } from "./section-templates.ts";

/** True when `name` is a placeholder of the report's prose. */
export function isReportPlaceholder(name: string): boolean {
  return Object.hasOwn(REPORT_PLACEHOLDERS, name);
}

/** The rendered text and, in Chinese, the placeholders it could not fill and the unbalanced sections. */
export function renderReportTemplate(
  template: string,
  values: Readonly<Record<string, string>>,
): { text: string; problems: string[] } {
  const result = renderTemplate(template, values, isReportPlaceholder);
  return {
    text: result.text,
    problems: [
      ...result.unknown.map((n) => `不认识的占位符 {{${n}}}`),
      ...result.missing.map(
        (n) => `缺少数据：{{${n}}}（${REPORT_PLACEHOLDERS[n as keyof typeof REPORT_PLACEHOLDERS] ?? n}）`,
      ),
      ...result.errors,
    ],
  };
}
