import SqliteDatabase from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachingStatements } from "./statement-cache.ts";

describe("the SQLite statement cache", () => {
  it("prepares each SQL text once, answers with current data, and keeps at most its limit", () => {
    const handle = new SqliteDatabase(":memory:");
    const db = cachingStatements(handle, 2);
    db.prepare("create table t (n integer)").run([]);
    const insert = db.prepare("insert into t (n) values (?)");
    insert.run([1]);
    expect(db.prepare("insert into t (n) values (?)")).toBe(insert);
    db.prepare("insert into t (n) values (?)").run([2]);
    const count = db.prepare("select count(*) as c from t");
    expect(count.all([])).toEqual([{ c: 2 }]);
    // A statement kept across a change of the schema still answers with the table as it is now.
    db.prepare("alter table t add column m integer").run([]);
    db.prepare("insert into t (n) values (?)").run([3]);
    expect(db.prepare("select count(*) as c from t").all([])).toEqual([{ c: 3 }]);
    // Past the limit the least recently used statement goes, and the same text is prepared again.
    expect(db.prepare("insert into t (n) values (?)")).not.toBe(insert);
    db.close();
    expect(handle.open).toBe(false);
  });
});
