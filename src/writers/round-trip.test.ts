import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readReport } from "../audit/audit-report.ts";
import { parseInterchange } from "../core/report/interchange.ts";
import type { AnnualReport } from "../core/report/report-model.ts";
import { RENDER_FORMATS, renderReport } from "./render-report.ts";

// Model → each writer → the readers → the same model (every format the readers take, plus JSON).
const FIXTURES = new URL("../../test/fixtures/", import.meta.url);

async function modelOf(name: string): Promise<AnnualReport> {
  return (await readReport({ bytes: readFileSync(new URL(name, FIXTURES)), fileName: name })).report;
}

/** What must survive the round trip: everything but the findings; prose compared without white space. */
function comparable(r: AnnualReport) {
  return {
    format: r.format,
    agency: r.agency,
    year: r.year,
    sections: r.sections.map((s) => ({ no: s.no, title: s.title, text: s.text.replace(/\s+/g, "") })),
    proactive: r.proactive,
    applications: r.applications,
    review: r.review,
  };
}

describe("round trip through every writer", () => {
  for (const fixture of ["000_eb2e885bc49513d4.txt", "2025-pingtan-zone-gov.html"]) {
    for (const to of RENDER_FORMATS) {
      it(`${fixture} → ${to} → reader gives the same model`, async () => {
        const model = await modelOf(fixture);
        expect(model.findings).toEqual([]);
        const bytes = await renderReport(model, to);
        if (to === "json") {
          const back = parseInterchange(JSON.parse(new TextDecoder().decode(bytes)));
          expect(back).toEqual(model);
          return;
        }
        const back = (await readReport({ bytes, fileName: `report.${to}` })).report;
        expect(comparable(back)).toEqual(comparable(model));
        expect(back.findings).toEqual([]);
      });
    }
  }
});
