/**
 * The page cache drops pages by the entity types they show (config.pageCache.shows) when the trail records a
 * change of one. A new kind of entity must be placed on one side or the other, so that a page showing it cannot
 * be forgotten: this test fails on an entity type recorded anywhere in src/ that is in neither list below.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..");

/** Entity types shown on cached public pages (each named in a route's `pageCache.shows`). */
const SHOWN = ["agency", "publication", "column", "decision", "registry_settings", "message", "report"];

/** Entity types no cached public page shows, and why. */
const NOT_SHOWN: Record<string, string> = {
  calendar: "the working-day calendar: cached pages show no computed deadline",
  calendar_year: "the working-day calendar: cached pages show no computed deadline",
  channel: "publishing channels: managed in the back office, not on the public pages",
  channel_post: "channel posts: counted in reports (a published report is frozen)",
  fee: "fees: counted in reports (frozen when published)",
  interpretation: "policy interpretations: counted in reports (frozen when published)",
  training: "training: counted in reports (frozen when published)",
  regulation: "regulations: counted in reports (frozen when published)",
  letter: "reply letters: personal, downloaded by a one-time link",
  letter_template: "letter templates: back office",
  request: "disclosure requests: personal; the status look-up is never cached",
  review_case: "reconsideration and litigation: counted in reports (frozen when published)",
  session: "sign-in sessions",
  user: "accounts",
};

/** Every non-test .ts/.tsx file under src/, with its text. */
function sources(): { path: string; text: string }[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test(-support)?\.tsx?$/.test(e.name))
    .map((e) => {
      const path = join(e.parentPath, e.name);
      return { path, text: readFileSync(path, "utf8") };
    });
}

describe("the page cache knows every kind of change (issue #10.2)", () => {
  it("every entity type the trail records is either shown by cached pages or known not to be", () => {
    const recorded = new Set<string>();
    for (const { text } of sources()) {
      for (const match of text.matchAll(/entityType:\s*"([a-z_]+)"/g)) recorded.add(match[1] as string);
    }
    expect(recorded.size).toBeGreaterThan(10);
    const unplaced = [...recorded].filter((type) => !SHOWN.includes(type) && !(type in NOT_SHOWN));
    expect(unplaced).toEqual([]);
  });

  it("every entity type shown is named by a cached route", () => {
    const cachedRoutes = sources()
      .filter((s) => s.path.endsWith(".routes.ts") && s.text.includes("pageCache"))
      .map((s) => s.text)
      .join("\n");
    for (const type of SHOWN) expect(cachedRoutes, type).toContain(`"${type}"`);
  });
});
