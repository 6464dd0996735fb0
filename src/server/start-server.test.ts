import { describe, expect, it } from "vitest";
import { startServer } from "./start-server.ts";

describe("startServer", () => {
  it("listens on a real port and serves the audit form", async () => {
    const server = await startServer({ port: 0, host: "127.0.0.1", logLevel: false });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("政府信息公开工作年度报告体检");
      expect(html).toMatch(/<form[^>]*action="\/audit"/);
      expect(html).toContain('type="file"');
      expect(html).toContain('name="text"');
    } finally {
      await server.close();
    }
  });
});
