/**
 * What leaves the server about annual reports: the service's answers as the contract's types
 * (src/contract/report.contract.ts), so the compiler checks them against the response schemas.
 */
import type {
  BuiltReport as BuiltReportView,
  PublishAnswer,
  ReportOverview as ReportOverviewView,
} from "../contract/report.contract.ts";
import type { Finding } from "../core/report/report-model.ts";
import type { BuiltReport } from "./report.service.ts";
import type { ReportOverview } from "./report-overview.service.ts";

/** The prose templates and their placeholders, which GET adds to the report for the editor. */
export interface ProseHelp {
  readonly templates: Readonly<Record<"一" | "五" | "六", string>>;
  readonly placeholders: Readonly<Record<string, string>>;
}

/** An assembled report as the API answers it (with the editor's help on GET). */
export function presentBuiltReport(built: BuiltReport, help?: ProseHelp): BuiltReportView {
  const cells = Object.fromEntries(
    Object.entries(built.records.cells).map(([path, c]) => [path, { kind: c.kind, ids: [...c.ids] }]),
  );
  return {
    ...built,
    findings: [...built.findings],
    records: { ...built.records, cells },
    draftProblems: [...built.draftProblems],
    ...(help ? { templates: { ...help.templates }, placeholders: { ...help.placeholders } } : {}),
  };
}

/** The answer of publishing: the new version and its findings. */
export function presentPublished(published: {
  readonly version: number;
  readonly findings: readonly Finding[];
}): PublishAnswer {
  return { version: published.version, findings: [...published.findings] };
}

/** The supervisors' overview as the API answers it. */
export function presentOverview(overview: ReportOverview): ReportOverviewView {
  return { ...overview, agencies: [...overview.agencies] };
}
