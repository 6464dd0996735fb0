import { describe, expect, it } from "vitest";
import { maskPersonName } from "../privacy/person-name.ts";
import { publicPartyName } from "./party-masking.ts";

describe("public party names (个人信息保护法 第二十五条)", () => {
  it("masks natural persons' names after the first character (张** style)", () => {
    expect(maskPersonName("张三丰")).toBe("张**");
    expect(maskPersonName("李四")).toBe("李*");
    expect(maskPersonName("欧阳修文")).toBe("欧***");
    expect(maskPersonName("王")).toBe("王*");
    expect(maskPersonName("  ")).toBe("");
    expect(publicPartyName("naturalPerson", "张三丰")).toBe("张**");
  });

  it("keeps organisations' and individual businesses' names in full", () => {
    expect(publicPartyName("legalPerson", "示范市某某科技有限公司")).toBe("示范市某某科技有限公司");
    expect(publicPartyName("individualBusiness", "示范区张记小吃店")).toBe("示范区张记小吃店");
  });
});
