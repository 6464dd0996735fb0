/**
 * `npm run bench`: runs every benchmark and prints its figures. BENCH_ROUNDS scales the work (default 300).
 */
import { benchAudit } from "./audit.bench.ts";
import { benchCalendar } from "./calendar.bench.ts";
import { benchCatalogSearch } from "./catalog-search.bench.ts";
import { benchHostileInput } from "./hostile-input.bench.ts";
import { benchInterpreterScaling } from "./interpreter-scaling.bench.ts";
import { benchPortalPages } from "./portal-pages.bench.ts";
import { benchProvince } from "./province.bench.ts";
import { benchReportBuild } from "./report-build.bench.ts";
import { benchRequestsTable } from "./requests-table.bench.ts";
import { benchSiteExport } from "./site-export.bench.ts";
import { benchStartup } from "./startup.bench.ts";

const rounds = Number(process.env.BENCH_ROUNDS ?? 300);
for (const result of [
  ...(await benchAudit(rounds)),
  ...(await benchCalendar()),
  ...(await benchRequestsTable()),
  ...(await benchPortalPages()),
  ...(await benchReportBuild()),
  ...(await benchProvince()),
  ...(await benchSiteExport()),
  ...(await benchCatalogSearch()),
  ...(await benchHostileInput()),
  ...(await benchInterpreterScaling()),
  ...(await benchStartup()),
]) {
  console.log(`\n${result.name}`);
  for (const line of result.lines) console.log(`  ${line}`);
}
