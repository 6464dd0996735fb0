import { beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "../channels/post-import.ts";
import { readRegisterFile } from "../registries/register-file.ts";
import { readLedger } from "../requests/ledger-xlsx.ts";
import { manyEntriesZip, xlsxBomb } from "./bomb.test-support.ts";
import { ReadError } from "./read-error.ts";

const LIMIT_MESSAGE = "文件解压后的内容超过 32 MB 上限（疑似“压缩炸弹”），已拒绝处理";

describe("spreadsheet imports refuse decompression bombs before exceljs inflates them", () => {
  let bomb: Uint8Array;
  beforeAll(async () => {
    bomb = await xlsxBomb(200, true);
  });

  it("registers (decisions, rules…): an XLSX inflating to 200 MB is INFLATED_TOO_LARGE", async () => {
    const error = await readRegisterFile(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect(error).toMatchObject({ code: "INFLATED_TOO_LARGE", message: LIMIT_MESSAGE });
  });

  it("channel posts: an XLSX inflating to 200 MB is INFLATED_TOO_LARGE, 2,001 parts TOO_MANY_ENTRIES", async () => {
    await expect(readSheet("posts.xlsx", bomb)).rejects.toMatchObject({
      code: "INFLATED_TOO_LARGE",
      message: LIMIT_MESSAGE,
    });
    await expect(readSheet("posts.xlsx", await manyEntriesZip(2001))).rejects.toMatchObject({
      code: "TOO_MANY_ENTRIES",
    });
  });

  it("the request ledger: an XLSX inflating to 200 MB is refused with the limit's message", async () => {
    expect(await readLedger(bomb)).toBe(LIMIT_MESSAGE);
  });

  it("a damaged workbook keeps each import's own refusal", async () => {
    const zip = await xlsxBomb(1);
    const broken = zip.subarray(0, zip.length - 40);
    await expect(readSheet("posts.xlsx", broken)).rejects.toMatchObject({ code: "UNREADABLE_IMPORT" });
    await expect(readRegisterFile(broken)).rejects.toMatchObject({ code: "UNREADABLE_IMPORT" });
    expect(await readLedger(broken)).toBe("无法读取该文件：请上传由台账模板填写的 XLSX 文件");
  });
});
