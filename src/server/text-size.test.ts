import { describe, expect, it } from "vitest";
import { parseTextSize, safeReturnPath, textSizeCookie, textSizeToggleHref } from "../web/text-size.ts";
import { buildServer } from "./build-server.ts";

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

  it("sends every hostile return path home: tabs, line breaks, dot segments, backslashes (issue #9.6)", () => {
    const hostile = [
      "/\t/evil.example/",
      "/\n/evil.example/",
      "/\r\n/evil.example",
      "/\t\t/evil.example",
      "/\u0000/evil.example",
      "/\u007f",
      "/\u0085/evil.example",
      "/.//evil.example/",
      "/..//evil.example/",
      "/a/../..//evil.example",
      "/\\/evil.example",
      "\\/evil.example",
      "/\r\nSet-Cookie:x=1",
      "javascript:alert(1)",
      " /audit",
      "",
    ];
    for (const value of hostile) expect(safeReturnPath(value), JSON.stringify(value)).toBe("/");
    expect(safeReturnPath("/requests/status?no=YSQ1#top")).toBe("/requests/status?no=YSQ1#top");
    expect(safeReturnPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeReturnPath("/政务公开?q=年报")).toBe(
      "/%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80?q=%E5%B9%B4%E6%8A%A5",
    );
  });

  it("redirects /text-size home for off-site and malformed back= values, never a 500 (issue #9.6)", async () => {
    const app = await buildServer({ logLevel: false });
    try {
      const backs = [
        "%2F%09%2Fevil.example%2F",
        "/%09/evil.example/",
        "%0d%0a",
        "/a%0D%0ASet-Cookie:%20x=1",
        "//evil.example",
        "/%E6%94%BF%E5%8A%A1",
      ];
      const locations: string[] = [];
      for (const back of backs) {
        const res = await app.inject({ method: "GET", url: `/text-size?size=large&back=${back}` });
        expect(res.statusCode, back).toBe(303);
        expect(res.headers["set-cookie"]).toMatch(/^gk_text_size=large;/);
        locations.push(String(res.headers.location));
      }
      expect(locations).toEqual(["/", "/", "/", "/", "/", "/%E6%94%BF%E5%8A%A1"]);
    } finally {
      await app.close();
    }
  });

  it("links to the other size and keeps the preference in a cookie", () => {
    expect(textSizeToggleHref("normal", "/")).toBe("/text-size?size=large&back=%2F");
    expect(textSizeToggleHref("large", "/")).toBe("/text-size?size=normal&back=%2F");
    expect(textSizeCookie("large")).toMatch(/^gk_text_size=large; Path=\/; .*SameSite=Lax/);
  });
});
