/**
 * Ledger (台账) routes: GET /api/requests/ledger-template.xlsx, POST /api/requests/ledger (multipart
 * `agencyId` + the XLSX file; all rows valid or nothing imported: 201 { imported, requestIds }, else 422
 * { code: "LEDGER_REJECTED", message, rejected: [{ row, reasons }] }), GET /api/requests/ledger.xlsx.
 */
import type { Static } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { authorize, requestActor, requireAuth } from "../auth/request-auth.ts";
import { ERROR_RESPONSES } from "../contract/common.contract.ts";
import { LedgerImported, LedgerRejected } from "../contract/request.contract.ts";
import { DomainError } from "../core/domain-error.ts";
import type { Database } from "../db/database.ts";
import { contentDisposition } from "../web/content-disposition.ts";
import { exportLedger, importLedger } from "./ledger-import.service.ts";
import { ledgerTemplate, readLedger } from "./ledger-xlsx.ts";
import { AgencyYearQuery } from "./request.schemas.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Largest ledger file. */
const MAX_LEDGER_BYTES = 10 * 1024 * 1024;

/** The download headers of an XLSX file. */
function download(name: string) {
  return {
    "content-type": XLSX,
    "content-disposition": contentDisposition(name),
  };
}

/** Register the ledger routes. */
export function registerLedgerRoutes(app: FastifyInstance, database: Database): void {
  app.get(
    "/api/requests/ledger-template.xlsx",
    { schema: { response: { ...ERROR_RESPONSES } } },
    async (request, reply) => {
      requireAuth(request);
      return reply.headers(download("依申请公开台账模板.xlsx")).send(await ledgerTemplate());
    },
  );

  app.get<{ Querystring: Static<typeof AgencyYearQuery> }>(
    "/api/requests/ledger.xlsx",
    { schema: { querystring: AgencyYearQuery, response: { ...ERROR_RESPONSES } } },
    async (request, reply) => {
      const { agencyId, year } = request.query;
      await authorize(request, "request.view", agencyId);
      const bytes = await exportLedger(database, agencyId, year);
      return reply.headers(download(`依申请公开台账-${year}.xlsx`)).send(bytes);
    },
  );

  const importResponses = { 201: LedgerImported, ...ERROR_RESPONSES, 422: LedgerRejected };
  app.post("/api/requests/ledger", { schema: { response: importResponses } }, async (request, reply) => {
    requireAuth(request);
    if (!request.isMultipart()) throw new DomainError("UNSUPPORTED_MEDIA_TYPE");
    let agencyId: number | undefined;
    let file: Uint8Array | undefined;
    for await (const part of request.parts({ limits: { fileSize: MAX_LEDGER_BYTES, files: 1 } })) {
      if (part.type === "field") {
        if (part.fieldname === "agencyId" && /^\d{1,9}$/.test(String(part.value)))
          agencyId = Number(part.value);
        continue;
      }
      file = new Uint8Array(await part.toBuffer());
    }
    if (agencyId === undefined) throw new DomainError("INVALID_INPUT", "请选择导入到哪个机关（agencyId）");
    if (!file) throw new DomainError("NO_INPUT", "请选择台账文件（XLSX）");
    await authorize(request, "request.handle", agencyId);
    const rows = await readLedger(file);
    if (typeof rows === "string") {
      return reply
        .code(422)
        .send({ code: "LEDGER_REJECTED", message: rows, rejected: [{ row: 1, reasons: [rows] }] });
    }
    const result = await importLedger(database, agencyId, rows, requestActor(request), new Date());
    if ("rejected" in result) {
      const message = `台账有 ${result.rejected.length} 行不合格，未导入任何记录：请改正后重新导入`;
      return reply.code(422).send({ code: "LEDGER_REJECTED", message, rejected: result.rejected });
    }
    return reply.code(201).send(result);
  });
}
