import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase, testDialects } from "../db/test-databases.ts";
import { addAttachment } from "./attachment.service.ts";
import { createPublication } from "./publication.service.ts";
import { actor, catalogFixture, draftInput } from "./publication.test-support.ts";

const PDF = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");

describe.each(testDialects())("catalog attachment names on %s", (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
  });
  afterEach(async () => {
    await database.dispose();
  });

  it("stores an attachment's name without bidi controls, in NFC, with Chinese kept", async () => {
    const { tree, columnId } = await catalogFixture(database);
    const draft = await createPublication(
      database,
      tree.a1,
      draftInput(columnId, "关于公布行政许可事项的通知"),
      actor("information_officer"),
    );
    const stored = await addAttachment(
      database,
      draft.id,
      { fileName: "附件1\u202E事项清单\u2067.pdf", content: PDF },
      actor("information_officer"),
    );
    expect(stored.fileName).toBe("附件1事项清单.pdf");
    const row = await database.db
      .selectFrom("publication_attachments")
      .select("file_name")
      .executeTakeFirstOrThrow();
    expect(row.file_name).toBe("附件1事项清单.pdf");
  });
});
