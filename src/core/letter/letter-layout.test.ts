import { describe, expect, it } from "vitest";
import { letterLayout } from "./letter-layout.ts";

describe("letterLayout", () => {
  it("splits 抬头, 正文, 落款 and the contact line", () => {
    const layout = letterLayout(
      "张三：\n本机关于2022年9月28日收到申请。\n\n特此答复。\n示范市财政局\n2022年10月26日\n（联系电话：0531-1）",
    );
    expect(layout).toEqual({
      salutation: "张三：",
      paragraphs: ["本机关于2022年9月28日收到申请。", "特此答复。"],
      signature: ["示范市财政局", "2022年10月26日"],
      notes: ["（联系电话：0531-1）"],
    });
  });

  it("takes the last date line as the 落款 date, not a date inside the text", () => {
    const layout = letterLayout("正文一\n2022年9月28日\n正文二\n某局\n2022年10月1日");
    expect(layout.salutation).toBeNull();
    expect(layout.paragraphs).toEqual(["正文一", "2022年9月28日", "正文二"]);
    expect(layout.signature).toEqual(["某局", "2022年10月1日"]);
  });

  it("lays out text without a date line as paragraphs only", () => {
    expect(letterLayout("一\r\n二")).toEqual({
      salutation: null,
      paragraphs: ["一", "二"],
      signature: [],
      notes: [],
    });
  });
});
