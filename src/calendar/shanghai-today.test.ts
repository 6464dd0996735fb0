import { describe, expect, it } from "vitest";
import { shanghaiDate } from "./shanghai-today.ts";

describe("shanghaiDate", () => {
  it("turns instants into Asia/Shanghai calendar dates across midnight", () => {
    expect(shanghaiDate(new Date("2022-12-31T15:59:59.999Z"))).toBe("2022-12-31");
    expect(shanghaiDate(new Date("2022-12-31T16:00:00.000Z"))).toBe("2023-01-01");
    expect(shanghaiDate(new Date("2024-02-28T20:00:00Z"))).toBe("2024-02-29");
  });
});
