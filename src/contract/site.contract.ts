/**
 * The site's own answers: GET /healthz, the stylesheet, the 大字模式 switch, and the public pages' HTML.
 */
import { type Static, Type } from "@sinclair/typebox";

/** Answer of GET /healthz: the database's state when the server has one (503 while it is unavailable). */
export const Health = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("degraded")]),
  database: Type.Optional(Type.Union([Type.Literal("ok"), Type.Literal("unavailable")])),
});
export type Health = Static<typeof Health>;

/** A public page: HTML (text/html), sent as it is rendered. */
export const HtmlPage = Type.String({ description: "HTML 页面（text/html）" });

/** Answer of GET /assets/site.css: the stylesheet of the public pages. */
export const SiteStylesheet = Type.String({ description: "公开页面的样式表（text/css）" });

/** Answer of GET /text-size: a 303 redirect back to the page (empty body). */
export const TextSizeRedirect = Type.Null({ description: "303：设置大字模式后回到原页面" });
