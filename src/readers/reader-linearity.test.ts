import { describe, expect, it } from "vitest";
import { looksLikeMarkdown, readSource } from "./read-source.ts";
import { findPublishedOn } from "./reader-utils.ts";
import { isMarkdownSeparator, readText } from "./text-reader.ts";

// Issue #9 item 2: every reader step is linear. Each input below took seconds to minutes with the former
// patterns (a multiline `^\s*` run from every line start across blank lines; two free whitespace runs around an
// optional colon or comma); a quadratic step would now run past the test's time-out, which is what fails here.
// The answers are asserted too, so the faster forms read exactly what the former ones read.
const SPACES = " ".repeat(200_000);

describe("readers on hostile text", () => {
  it("sniffs Markdown in 200,000 blank lines once, line by line", () => {
    const blank = "\n".repeat(200_000);
    expect(looksLikeMarkdown(`${blank}x`, "a.txt")).toBe(false);
    expect(looksLikeMarkdown(`${blank}| a | b |\n|---|---|\n| 1 | 2 |`, "a.txt")).toBe(true);
  });

  it("reads a .txt upload of 100,000 blank lines and space runs as text", async () => {
    const text = `标题：示范市公安局2022年政府信息公开工作年度报告\n${"\n  \t ".repeat(100_000)}\n发布时间：${SPACES}`;
    const doc = await readSource(new TextEncoder().encode(text), "report.txt");
    expect(doc.format).toBe("text");
    expect(doc.metadata.title).toBe("示范市公安局2022年政府信息公开工作年度报告");
    expect(doc.metadata.publishedOn).toBeUndefined();
  });

  it("finds a publication date after a colon and spaces, and passes over 200,000 spaces with no date", () => {
    expect(readText(`发布时间 ： 2023-01-30`).metadata.publishedOn).toBe("2023-01-30");
    expect(readText(`发布日期${SPACES}2023年1月5日`).metadata.publishedOn).toBe("2023-01-05");
    expect(readText(`发布时间${SPACES}x`).metadata.publishedOn).toBeUndefined();
    expect(findPublishedOn(`公开日期：${SPACES}x`)).toBeUndefined();
    expect(findPublishedOn(`公开日期 : 2024/2/1`)).toBe("2024-02-01");
  });

  it("tells page markers from text, even with 200,000 spaces after 第1页", () => {
    const doc = readText(`第 3 页 ， 共 9 页\n第1页${SPACES}x\n— 4 —`);
    expect(doc.rows.map((row) => row.cells[0]?.text.slice(0, 4))).toEqual(["第1页 "]);
  });

  it("recognises Markdown separator lines as the former pattern did", () => {
    expect(isMarkdownSeparator("|---|:---:|", 2)).toBe(true);
    expect(isMarkdownSeparator(" --- | --- ", 2)).toBe(true);
    expect(isMarkdownSeparator("|---|", 2)).toBe(false);
    expect(isMarkdownSeparator("|---|", 1)).toBe(true);
    expect(isMarkdownSeparator("|---||---|", 2)).toBe(false);
    expect(isMarkdownSeparator("| -- | --- |", 2)).toBe(false);
    expect(isMarkdownSeparator(`|${SPACES}---${SPACES}|${SPACES}x`, 2)).toBe(false);
  });
});
