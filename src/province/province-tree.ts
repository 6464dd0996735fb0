/**
 * The agencies of a generated province, as a plan: the province's government and departments, then city by
 * city its government, departments and counties, each county with its government, departments and
 * townships — until N agencies. Names, 统一社会信用代码 (GB 32100 check character) and office contacts are
 * made up but realistic; the same seed gives the same province.
 */

import type { AgencyKind } from "../core/agency/agency-kind.ts";
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from "../core/agency/credit-code.ts";
import type { OfficeContact } from "../core/agency/office-contact.ts";
import {
  DEPARTMENTS,
  type DepartmentSpec,
  PLACE_HEADS,
  PLACE_TAILS,
  PROVINCE_NAMES,
  ROADS,
} from "./province-names.ts";
import { type Random, seededRandom } from "./province-random.ts";

/** The level of an agency in the tree. */
export type ProvinceLevel = "province" | "city" | "county" | "township";

/** One planned agency; `parent` is the index of its parent in the plan (null for the province). */
export interface PlannedAgency {
  readonly index: number;
  readonly parent: number | null;
  readonly name: string;
  readonly kind: AgencyKind;
  readonly level: ProvinceLevel;
  readonly creditCode: string;
  readonly contact: OfficeContact;
  /** The department it is (null for a government). */
  readonly department: DepartmentSpec | null;
  /** The place it serves ("临江市", "安平县" …), for titles. */
  readonly place: string;
}

/** How wide the tree grows for N agencies. */
function widths(n: number) {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  return {
    provinceDepartments: clamp(n / 40, 2, DEPARTMENTS.length),
    cityDepartments: clamp(n / 80, 2, DEPARTMENTS.length),
    counties: clamp(n / 100, 2, 10),
    countyDepartments: clamp(n / 150, 2, 20),
    townships: clamp(n / 150, 2, 14),
  };
}

/** Unique two-syllable place names (with pinyin) drawn from the stock. */
function placeNames(random: Random) {
  const used = new Set<string>();
  return (): readonly [string, string] => {
    for (;;) {
      const [h, hp] = random.pick(PLACE_HEADS);
      const [t, tp] = random.pick(PLACE_TAILS);
      const suffix = used.size >= PLACE_HEADS.length * PLACE_TAILS.length ? String(used.size) : "";
      const name = `${h}${t}${suffix}`;
      if (h === t || used.has(name)) continue;
      used.add(name);
      return [name, `${hp}${tp}${suffix}`];
    }
  };
}

/** The plan of a province of `n` agencies for `seed`. */
export function planProvince(n: number, seed: number): PlannedAgency[] {
  const random = seededRandom(seed);
  const w = widths(n);
  const place = placeNames(random);
  const [provinceName, provincePinyin] = PROVINCE_NAMES[seed % PROVINCE_NAMES.length] ?? [
    "江淮",
    "jianghuai",
  ];
  const provinceCode = 81 + (seed % 17);
  const orgPrefix = `M${CREDIT_CODE_CHARSET.charAt(seed % 31)}`;
  const plan: PlannedAgency[] = [];
  const add = (
    parent: number | null,
    name: string,
    level: ProvinceLevel,
    division: string,
    domain: string,
    department: DepartmentSpec | null,
    placeName: string,
  ): number | null => {
    if (plan.length >= n) return null;
    const index = plan.length;
    const first17 = `11${division}${orgPrefix}${String(index + 1).padStart(7, "0")}`;
    const road = ROADS[(index * 7 + seed) % ROADS.length] ?? "人民路";
    const area = `0${String(provinceCode).padStart(2, "0")}${String(index % 10)}`;
    const phone = `${area}-${String(6_000_000 + ((index * 7919 + seed) % 3_999_999)).padStart(7, "0")}`;
    plan.push({
      index,
      parent,
      name,
      kind: department ? "department" : "government",
      level,
      creditCode: `${first17}${creditCodeCheckCharacter(first17) ?? "0"}`,
      department,
      place: placeName,
      contact: {
        officeName: department ? `${name}办公室` : `${name}办公室政务公开科`,
        address: `${placeName}${road}${1 + (index % 199)}号（邮政编码：${division.slice(0, 4)}00）`,
        hours: "工作日上午9:00—12:00，下午13:30—17:30（法定节假日除外）",
        phone,
        fax: `${area}-${String(8_000_000 + ((index * 104_729) % 1_999_999)).padStart(7, "0")}`,
        email: `zwgk@${domain}.gov.cn`,
        website: `https://www.${domain}.gov.cn`,
      },
    });
    return index;
  };
  const departmentsOf = (
    parent: number,
    placeName: string,
    division: string,
    domain: string,
    count: number,
    provincial: boolean,
  ) => {
    DEPARTMENTS.slice(0, count).forEach((d, i) => {
      const name = `${placeName}${provincial ? d.provincial : d.local}`;
      add(parent, name, plan[parent]?.level ?? "city", division, `d${i + 1}.${domain}`, d, placeName);
    });
  };
  const province = `${provinceName}省`;
  const root = add(
    null,
    `${province}人民政府`,
    "province",
    `${provinceCode}0000`,
    provincePinyin,
    null,
    province,
  );
  if (root === null) return plan;
  departmentsOf(root, province, `${provinceCode}0000`, provincePinyin, w.provinceDepartments, true);
  for (let c = 1; plan.length < n; c++) {
    const [cityName, cityPinyin] = place();
    const city = `${cityName}市`;
    const cityDivision = `${provinceCode}${String(c % 100).padStart(2, "0")}00`;
    const cityGov = add(root, `${city}人民政府`, "city", cityDivision, cityPinyin, null, city);
    if (cityGov === null) break;
    departmentsOf(cityGov, city, cityDivision, cityPinyin, w.cityDepartments, false);
    for (let k = 1; k <= w.counties && plan.length < n; k++) {
      const [countyName, countyPinyin] = place();
      const county = `${countyName}${k === 1 ? "区" : "县"}`;
      const countyDivision = `${cityDivision.slice(0, 4)}${String(k).padStart(2, "0")}`;
      const countyGov = add(
        cityGov,
        `${county}人民政府`,
        "county",
        countyDivision,
        countyPinyin,
        null,
        county,
      );
      if (countyGov === null) break;
      departmentsOf(countyGov, county, countyDivision, countyPinyin, w.countyDepartments, false);
      for (let t = 0; t < w.townships && plan.length < n; t++) {
        const [townName, townPinyin] = place();
        const kind = t % 3;
        const name =
          kind === 0
            ? `${townName}镇人民政府`
            : kind === 1
              ? `${townName}乡人民政府`
              : `${townName}街道办事处`;
        const town = `${county}${townName}${kind === 0 ? "镇" : kind === 1 ? "乡" : "街道"}`;
        add(countyGov, name, "township", countyDivision, `${townPinyin}.${countyPinyin}`, null, town);
      }
    }
  }
  return plan;
}
