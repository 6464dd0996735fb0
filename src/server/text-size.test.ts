import { describe, expect, it } from "vitest";
import { parseTextSize, safeReturnPath, textSizeCookie, textSizeToggleHref } from "./text-size.ts";

describe("text size (大字模式)", () => {
  it("accepts only the two sizes", () => {
    expect(parseTextSize("large")).toBe("large");
    expect(parseTextSize("normal")).toBe("normal");
    expect(parseTextSize("huge")).toBeUndefined();
    expect(parseTextSize(["large"])).toBeUndefined();
  });

  it("returns only to same-site paths", () => {
    expect(safeReturnPath("/")).toBe("/");
    expect(safeReturnPath("/audit?x=1")).toBe("/audit?x=1");
    expect(safeReturnPath("//evil.example/")).toBe("/");
    expect(safeReturnPath("https://evil.example/")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath(undefined)).toBe("/");
  });

  it("links to the other size and keeps the preference in a cookie", () => {
    expect(textSizeToggleHref("normal", "/")).toBe("/text-size?size=large&back=%2F");
    expect(textSizeToggleHref("large", "/")).toBe("/text-size?size=normal&back=%2F");
    expect(textSizeCookie("large")).toMatch(/^gk_text_size=large; Path=\/; .*SameSite=Lax/);
  });
});
