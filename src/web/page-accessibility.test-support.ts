/**
 * Test support for the public pages in a real browser: Debian's Chromium, a phone-sized context (normal or
 * large text, 适老化), and the two checks every page passes — axe (WCAG 2.1 AA and best practice) and no
 * sideways scrolling at 360 px.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect } from "vitest";

/** The Debian Chromium the project's browser checks use (CHROMIUM overrides). */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** The phone's width in CSS pixels. */
const PHONE_WIDTH = 360;

/** A browser context the size of a phone, in large-text mode when asked (the text-size cookie). */
export async function phoneContext(
  browser: Browser,
  base: string,
  size: string = "normal",
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: PHONE_WIDTH, height: 740 } });
  if (size === "large") await context.addCookies([{ name: "gk_text_size", value: size, url: base }]);
  return context;
}

/** axe finds no WCAG 2.1 AA or best-practice violation on the page (axe is injected by the driver: CSP allows no script). */
export async function expectAxeClean(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  expect({ label, violations: result.violations.map((v) => v.id) }).toEqual({ label, violations: [] });
}

/** Nothing on the page is wider than the phone's screen (no sideways scrolling). */
export async function expectFitsPhone(page: Page, label: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ label, width: Math.min(width, PHONE_WIDTH) }).toEqual({ label, width });
}
