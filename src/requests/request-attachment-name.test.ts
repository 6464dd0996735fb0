import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestTree, type TestTree } from "../agencies/agency.test-support.ts";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { SYSTEM_ACTOR } from "../trail/trail-actor.ts";
import { onlineInput, PDF_BYTES } from "./request.test-support.ts";
import { addAttachment } from "./request-attachment.service.ts";
import { submitOnlineRequest } from "./request-intake.service.ts";

const META = { ip: "203.0.113.9", now: new Date("2024-10-09T02:00:00.000Z") };

describe.each(testDialects())("request attachment names on %s", (dialect) => {
  let database: TestDatabase;
  let tree: TestTree;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    tree = await createTestTree(database);
  });
  afterEach(async () => {
    await database.dispose();
  });

  const storedNames = async () =>
    (await database.db.selectFrom("request_attachments").select("file_name").orderBy("id").execute()).map(
      (r) => r.file_name,
    );

  it("stores the names of the online form's files and the office's attachments without bidi or control characters", async () => {
    const spoofed = "\u202E\u2066身份证\u200F\u0000 正面\u2069.pdf";
    const r = await submitOnlineRequest(
      database,
      onlineInput(tree.a1, "name-key-000000000000001", {
        attachments: [
          { fileName: spoofed, mediaType: "application/pdf", content: PDF_BYTES },
          { fileName: "C:\\fakepath\\\u202A.pdf", mediaType: "application/pdf", content: PDF_BYTES },
        ],
      }),
      META,
    );
    await addAttachment(
      database,
      r.requestId,
      "supplement",
      { fileName: "../补正材料\u202Efdp.exe\u0085.pdf", mediaType: "application/pdf", content: PDF_BYTES },
      SYSTEM_ACTOR,
      META.now,
    );
    expect(await storedNames()).toEqual(["身份证 正面.pdf", "附件.pdf", "补正材料fdp.exe.pdf"]);
    const trail = await database.db
      .selectFrom("trail")
      .select("after_json")
      .where("action", "=", "request.attach")
      .executeTakeFirstOrThrow();
    expect(trail.after_json).toContain("补正材料fdp.exe.pdf");
    expect(trail.after_json).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
