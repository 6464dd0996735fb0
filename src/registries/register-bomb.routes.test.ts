import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects } from "../db/test-databases.ts";
import { xlsxBomb } from "../readers/bomb.test-support.ts";
import { multipartForm } from "../web/multipart-form.test-support.ts";
import { countRows, type RegistryTestEnv, startRegistryTestEnv } from "./registry.test-support.ts";

describe.each(testDialects())("register import of a decompression bomb on %s", (dialect) => {
  let env: RegistryTestEnv;
  let bomb: Uint8Array;

  beforeAll(async () => {
    env = await startRegistryTestEnv(dialect);
    bomb = await xlsxBomb(200, true);
  });
  afterAll(async () => {
    await env.close();
  });

  it("refuses an XLSX inflating to 200 MB with 422 INFLATED_TOO_LARGE and imports nothing", async () => {
    const before = await countRows(env.database, "regulations");
    const trail = await countRows(env.database, "trail");
    const form = multipartForm([{ name: "file", fileName: "r.xlsx", bytes: bomb }]);
    const res = await env.app.inject({
      method: "POST",
      url: `/api/registries/regulations/import?agencyId=${env.tree.a1}`,
      headers: { ...env.manager.headers, ...form.headers },
      payload: form.payload,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      code: "INFLATED_TOO_LARGE",
      message: "文件解压后的内容超过 32 MB 上限（疑似“压缩炸弹”），已拒绝处理",
    });
    expect(await countRows(env.database, "regulations")).toBe(before);
    expect(await countRows(env.database, "trail")).toBe(trail);
  });
});
