import { describe, expect, it } from "vitest";
import { checkPublicationDeadline, inferAgencyKind } from "./deadline-checks.ts";
import { referenceReport } from "./reference-report.test-helper.ts";

const ref = referenceReport();

describe("publication deadline (C-12)", () => {
  it("C-12 infers a government from its name and a department otherwise", () => {
    for (const name of [
      "平潭综合实验区",
      "济源示范区",
      "沭阳县人民政府",
      "浦东新区",
      "苏州工业园区管委会",
      "某开发区管理委员会",
    ]) {
      expect(inferAgencyKind(name), name).toBe("government");
    }
    for (const name of [
      "公安局",
      "示范区公安局",
      "沭阳县发展和改革局",
      "上海市科学技术委员会",
      "某市人民政府办公室",
      "某街道办事处",
    ]) {
      expect(inferAgencyKind(name), name).toBe("department");
    }
  });

  it("C-12 flags a department publishing after 31 January of the following year", () => {
    const findings = checkPublicationDeadline(ref, { publishedOn: "2023-02-15" });
    expect(findings).toEqual([
      {
        rule: "C-12",
        severity: "warning",
        where: "发布日期",
        expected: "不晚于 2023-01-31",
        actual: "2023-02-15",
        message:
          "政府部门的 2022 年度报告应于 2023-01-31 前公布（条例第四十九条），实际发布于 2023-02-15，逾期 15 天",
      },
    ]);
    expect(checkPublicationDeadline(ref, { publishedOn: "2023-01-31" })).toEqual([]);
  });

  it("C-12 gives a government until 31 March, by name or by the context", () => {
    const zone = { ...ref, agency: "平潭综合实验区" };
    expect(checkPublicationDeadline(zone, { publishedOn: "2023-02-20" })).toEqual([]);
    expect(checkPublicationDeadline(zone, { publishedOn: "2023-04-01" })[0]?.expected).toBe(
      "不晚于 2023-03-31",
    );
    expect(checkPublicationDeadline(ref, { publishedOn: "2023-02-15", agencyKind: "government" })).toEqual(
      [],
    );
  });

  it("C-12 skips without a publication date, a year, a usable agency or a well-formed date", () => {
    expect(checkPublicationDeadline(ref, {})).toEqual([]);
    expect(checkPublicationDeadline({ ...ref, year: null }, { publishedOn: "2023-02-15" })).toEqual([]);
    expect(checkPublicationDeadline({ ...ref, agency: null }, { publishedOn: "2023-02-15" })).toEqual([]);
    expect(checkPublicationDeadline(ref, { publishedOn: "2023年2月15日" })).toEqual([]);
  });
});
