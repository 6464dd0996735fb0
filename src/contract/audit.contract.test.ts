import { readFileSync } from "node:fs";
import { Value } from "@sinclair/typebox/value";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditReport } from "../audit/audit-report.ts";
import { emptyReport } from "../core/report/report-model.ts";
import { buildServer } from "../server/build-server.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { AuditReport } from "./audit.contract.ts";

/** A fixture's bytes. */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url)));

const REFERENCE = "000_eb2e885bc49513d4.txt";
const NEW_ROW = "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3";

/** The reference report with 本年新收 自然人 3 → 4: findings with expected and actual values. */
const mutated = () =>
  new TextEncoder().encode(
    new TextDecoder()
      .decode(fixture(REFERENCE))
      .replace(NEW_ROW, "一、本年新收政府信息公开申请数量\t\t4\t0\t0\t0\t0\t0\t3"),
  );

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ logLevel: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

describe("POST /api/audit answers by the AuditReport schema", () => {
  const cases: [string, () => Uint8Array][] = [
    [REFERENCE, () => fixture(REFERENCE)],
    ["mutated.txt", mutated],
    ["2023-shuyang-county-ndrc.html", () => fixture("2023-shuyang-county-ndrc.html")],
    ["2025-pingtan-zone-gov.docx", () => fixture("2025-pingtan-zone-gov.docx")],
  ];
  it.each(cases)(
    "%s: the answer is the audited model, nothing dropped, and fits the schema",
    async (name, bytes) => {
      const input = { fileName: name, bytes: bytes() };
      const expected = JSON.parse(JSON.stringify((await auditReport(input)).report));
      const form = multipartForm([{ name: "report", fileName: name, bytes: input.bytes }]);
      const res = await app.inject({ method: "POST", url: "/api/audit", ...form });
      expect(res.statusCode).toBe(200);
      const answer = res.json();
      expect(answer).toEqual(expected);
      expect(Value.Errors(AuditReport, answer).First()).toBeUndefined();
    },
  );

  it("the mutated report's answer carries its findings with expected and actual values", async () => {
    const form = multipartForm([{ name: "report", fileName: "mutated.txt", bytes: mutated() }]);
    const res = await app.inject({ method: "POST", url: "/api/audit", ...form });
    const rules = (res.json() as AuditReport).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(["C-1", "C-3"]));
    expect((res.json() as AuditReport).findings.some((f) => f.expected !== null && f.actual !== null)).toBe(
      true,
    );
  });

  it("POST /audit refuses an address over the limit as { code, message } to an API client, as a page to a browser", async () => {
    process.env.GONGKAI_AUDIT_PER_HOUR = "1";
    const limited = await buildServer({ logLevel: false });
    delete process.env.GONGKAI_AUDIT_PER_HOUR;
    try {
      const post = (accept: string) =>
        limited.inject({
          method: "POST",
          url: "/audit",
          remoteAddress: "192.0.2.201",
          headers: { accept },
          payload: { text: "你好" },
        });
      expect((await post("text/html")).statusCode).toBe(422);
      const json = await post("application/json");
      expect(json.statusCode).toBe(429);
      expect(json.json()).toEqual({
        code: "AUDIT_RATE_LIMITED",
        message: expect.stringContaining("过于频繁"),
      });
      const page = await post("text/html");
      expect(page.statusCode).toBe(429);
      expect(page.body).toMatch(/^<!DOCTYPE html>/);
    } finally {
      await limited.close();
    }
  });

  it("a schema that lost a field would not fit the model: the check can fail", () => {
    const empty = JSON.parse(JSON.stringify(emptyReport()));
    expect(Value.Check(AuditReport, empty)).toBe(true);
    const { findings: _dropped, ...withoutFindings } = empty;
    expect(Value.Check(AuditReport, withoutFindings)).toBe(false);
  });
});
