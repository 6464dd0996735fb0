import { describe, expect, it } from "vitest";
import { maskPersonName } from "./person-name.ts";

describe("maskPersonName", () => {
  it("keeps the first character and masks the rest, even for one-character names", () => {
    expect(maskPersonName("张三")).toBe("张*");
    expect(maskPersonName("欧阳娜娜")).toBe("欧***");
    expect(maskPersonName(" 李 ")).toBe("李*");
    expect(maskPersonName("")).toBe("");
    expect(maskPersonName("𠮷野家")).toBe("𠮷**");
  });
});
