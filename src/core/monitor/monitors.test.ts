import { describe, expect, it } from "vitest";
import { EMPTY_CONTACT } from "../agency/office-contact.ts";
import {
  columnsLongStale,
  columnsNotUpdated,
  consultationChannel,
  emptyColumns,
  homePageStale,
  nonInteractiveAccounts,
  silentAccounts,
  type WatchedColumn,
} from "./portal-monitors.ts";
import {
  consultationsAnswered,
  decisionsPublished,
  guideComplete,
  itemsPublishedInTime,
} from "./record-monitors.ts";

const column = (
  id: number,
  kind: WatchedColumn["kind"],
  lastItemOn: string | null,
  itemCount = 1,
  cadenceDays?: number,
): WatchedColumn => ({
  id,
  name: `栏目${id}`,
  kind,
  lastItemOn,
  itemCount,
  cadenceDays,
});

describe("portal monitors", () => {
  it("W-2 the home page warns from day 10 and breaches after 2 weeks; no dated item is a breach", () => {
    expect(homePageStale("2022-03-01", "2022-03-10").level).toBe("ok");
    expect(homePageStale("2022-03-01", "2022-03-11").level).toBe("warning");
    expect(homePageStale("2022-03-01", "2022-03-15").level).toBe("warning");
    expect(homePageStale("2022-03-01", "2022-03-16").level).toBe("breach");
    expect(homePageStale(null, "2022-03-16")).toMatchObject({ level: "breach", value: 15 });
  });

  it("W-3 counts news columns past 2 weeks and notice columns past 6 months: 5 breach, 3 warn", () => {
    const today = "2022-07-01";
    const stale = [
      column(1, "news", "2022-06-01"),
      column(2, "news", null),
      column(3, "notice", "2021-12-01"),
    ];
    expect(columnsNotUpdated(stale, today)).toMatchObject({ level: "warning", value: 3, items: [1, 2, 3] });
    const more = [...stale, column(4, "notice", "2021-11-01"), column(5, "news", "2022-06-10")];
    expect(columnsNotUpdated(more, today)).toMatchObject({ level: "breach", value: 5 });
    expect(
      columnsNotUpdated([column(6, "notice", "2022-02-01"), column(7, "news", "2022-06-20")], today).level,
    ).toBe("ok");
  });

  it("W-4 counts every column with a cadence past it, periodic ones by their own (a weekly bulletin: 7 days)", () => {
    const today = "2022-07-01";
    const columns = Array.from({ length: 10 }, (_, i) => column(i + 1, "periodic", "2022-06-20", 1, 7));
    expect(columnsLongStale(columns, today)).toMatchObject({ level: "breach", value: 10 });
    expect(columnsLongStale(columns.slice(0, 6), today).level).toBe("warning");
    expect(
      columnsLongStale([column(20, "periodic", "2022-06-25", 1, 7), column(21, "static", null)], today).level,
    ).toBe("ok");
  });

  it("W-5 counts empty columns (static pages such as the guide do not count)", () => {
    const empty = Array.from({ length: 5 }, (_, i) => column(i + 1, "news", null, 0));
    expect(emptyColumns(empty)).toMatchObject({ level: "breach", value: 5 });
    expect(emptyColumns([...empty.slice(0, 2), column(9, "static", null, 0)]).level).toBe("ok");
  });

  it("W-6 the consultation channel must be open", () => {
    expect(consultationChannel(true).level).toBe("ok");
    expect(consultationChannel(false).level).toBe("breach");
  });

  it("N-1 an account silent for more than 2 weeks breaches, from day 10 it warns; N-2 needs interaction", () => {
    const accounts = [
      { id: 1, name: "平安济源", lastPostOn: "2022-06-28", interactive: true },
      { id: 2, name: "济源交警", lastPostOn: "2022-06-20", interactive: true },
    ];
    expect(silentAccounts(accounts, "2022-07-01").level).toBe("warning");
    expect(silentAccounts(accounts, "2022-07-05")).toMatchObject({ level: "breach", items: [2] });
    expect(silentAccounts(accounts, "2022-06-29").level).toBe("ok");
    expect(nonInteractiveAccounts(accounts).level).toBe("ok");
    expect(nonInteractiveAccounts([{ ...accounts[0], id: 3, interactive: false } as never]).items).toEqual([
      3,
    ]);
  });
});

describe("record monitors", () => {
  it("S-1 late or overdue decisions breach, due-soon ones warn", () => {
    expect(
      decisionsPublished([
        { id: 1, status: "onTime" },
        { id: 2, status: "notApplicable" },
      ]).level,
    ).toBe("ok");
    expect(decisionsPublished([{ id: 1, status: "dueSoon" }])).toMatchObject({
      level: "warning",
      items: [1],
    });
    expect(
      decisionsPublished([
        { id: 1, status: "late" },
        { id: 2, status: "overdue" },
        { id: 3, status: "dueSoon" },
      ]),
    ).toMatchObject({
      level: "breach",
      value: 2,
      items: [1, 2],
    });
  });

  it("G-12 names each contact detail the guide lacks", () => {
    const verdict = guideComplete({
      ...EMPTY_CONTACT,
      officeName: "办公室",
      address: "人民路1号",
      hours: "工作日",
      phone: "1",
      email: "a@b.cn",
      website: "x",
    });
    expect(verdict).toMatchObject({ level: "breach", items: ["传真号码"] });
    expect(
      guideComplete({
        officeName: "a",
        address: "b",
        hours: "c",
        phone: "d",
        fax: "e",
        email: "f",
        website: "g",
      }).level,
    ).toBe("ok");
  });

  it("W-7 and R-26-1 carry their records and levels", () => {
    expect(consultationsAnswered({ level: "warning", breaches: [], warnings: [4] })).toMatchObject({
      level: "warning",
      items: [4],
    });
    expect(itemsPublishedInTime([{ id: 1, flag: "near" }]).level).toBe("warning");
    expect(
      itemsPublishedInTime([
        { id: 1, flag: "near" },
        { id: 2, flag: "late" },
      ]),
    ).toMatchObject({ level: "breach", items: [2] });
  });
});
