/**
 * Verifying the audit trail: the hash chain, each entry's MAC and consecutive seqs, the newest signed
 * checkpoint, and optionally an exported anchor. The answer is 完整 or the first bad seq with its kind:
 * 截断 (entries missing at the end), 缺号 (a seq missing in the middle), 篡改/重算 (an entry edited, or edited and
 * every later hash recomputed without the key), MAC 不符 (a MAC or a checkpoint's signature missing or wrong).
 */
import type { Kysely } from "kysely";
import type { Schema } from "../db/schema.ts";
import {
  checkpointMac,
  checkpointSigned,
  entryMac,
  macMatches,
  type TrailCheckpoint,
} from "./trail-anchor.ts";
import { entryHash, GENESIS_HASH } from "./trail-chain.ts";
import { anchoredFrom, latestCheckpoint } from "./trail-checkpoint.repository.ts";
import { type TrailKeySource, trailKey } from "./trail-key.repository.ts";

/** The kinds of fault verify reports. */
export type TrailFaultKind = "truncation" | "gap" | "rehash" | "mac";

/** The Chinese name of each kind of fault. */
export const TRAIL_FAULT_NAMES: Readonly<Record<TrailFaultKind, string>> = {
  truncation: "截断",
  gap: "缺号",
  rehash: "篡改/重算",
  mac: "MAC 不符",
};

/** The first fault found. */
export interface TrailFault {
  readonly seq: number;
  readonly kind: TrailFaultKind;
  /** What is wrong, in Chinese, beginning with the kind's name. */
  readonly reason: string;
}

/** The result of verifying the trail. */
export interface TrailVerification {
  readonly ok: boolean;
  /** Entries checked before the first fault (all of them when ok). */
  readonly checked: number;
  readonly keySource: TrailKeySource;
  /** The key file, when the key came from one. */
  readonly keyFile?: string;
  /** The first seq written with a MAC; entries before it are checked by the hash chain alone. */
  readonly anchoredFrom: number;
  /** The newest checkpoint of the table, when there is one. */
  readonly checkpoint: TrailCheckpoint | null;
  /** Whether an exported anchor was checked (and matched, when ok). */
  readonly anchorChecked: boolean;
  readonly firstBroken?: TrailFault;
}

/** What verify also checks. */
export interface VerifyOptions {
  /** An anchor exported earlier (`gongkai trail checkpoint --export`). */
  readonly anchor?: TrailCheckpoint;
}

/** One fault of a kind at a seq. */
function fault(seq: number, kind: TrailFaultKind, detail: string): TrailFault {
  return { seq, kind, reason: `${TRAIL_FAULT_NAMES[kind]}：${detail}` };
}

/** What a checkpoint (or anchor) says, checked against the entries seen: the first fault, if any. */
function checkAgainst(
  key: Buffer,
  checkpoint: TrailCheckpoint,
  what: string,
  lastSeq: number,
  seen: ReadonlyMap<number, { hash: string; count: number }>,
): TrailFault | undefined {
  if (!checkpointSigned(key, checkpoint)) {
    return fault(
      checkpoint.seq,
      "mac",
      `${what}（第 ${checkpoint.seq} 条）的 MAC 不符：被改动，或出自另一密钥`,
    );
  }
  if (lastSeq < checkpoint.seq) {
    return fault(
      lastSeq + 1,
      "truncation",
      `${what}记录共 ${checkpoint.count} 条、最后一条为第 ${checkpoint.seq} 条（${checkpoint.at}），现在只到第 ${lastSeq} 条：最新的记录被删除`,
    );
  }
  if (checkpoint.seq === 0) return undefined;
  const entry = seen.get(checkpoint.seq);
  if (entry === undefined || entry.hash !== checkpoint.headHash) {
    return fault(checkpoint.seq, "rehash", `第 ${checkpoint.seq} 条的哈希与${what}不符：记录被改动并重算`);
  }
  if (entry.count !== checkpoint.count) {
    return fault(
      checkpoint.seq,
      "gap",
      `到第 ${checkpoint.seq} 条应有 ${checkpoint.count} 条，现有 ${entry.count} 条`,
    );
  }
  return undefined;
}

/** Checks the chain, the MACs, the checkpoints and an optional anchor; names the first fault. */
export async function verifyTrail(
  db: Kysely<Schema>,
  options: VerifyOptions = {},
): Promise<TrailVerification> {
  const key = await trailKey(db);
  const from = await anchoredFrom(db);
  // Read before the entries: appends that commit meanwhile only add entries after it.
  const before = await latestCheckpoint(db);
  const watched = new Set([before?.seq, options.anchor?.seq].filter((s): s is number => s !== undefined));
  const seen = new Map<number, { hash: string; count: number }>();
  let prev: { seq: number; hash: string } | null = null;
  let checked = 0;
  let broken: TrailFault | undefined;
  scan: for (;;) {
    const after: number = prev?.seq ?? 0;
    const rows = await db
      .selectFrom("trail")
      .selectAll()
      .where("seq", ">", after)
      .orderBy("seq")
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq: number = Number(row.seq);
      const anchored: boolean = seq >= from;
      const expected: number = (prev?.seq ?? 0) + 1;
      if (seq !== expected && (anchored || row.prev_hash !== (prev?.hash ?? GENESIS_HASH))) {
        const last = seq - 1 > expected ? `–${seq - 1}` : "";
        broken = fault(expected, "gap", `第 ${expected}${last} 条缺失（被删除）`);
      } else if (row.prev_hash !== (prev?.hash ?? GENESIS_HASH)) {
        broken = fault(seq, "rehash", "与前一条记录的链接不符（前一条被修改或删除）");
      } else if (entryHash(row) !== row.hash) {
        broken = fault(seq, "rehash", "记录内容与其哈希不符（该条被修改）");
      } else if (anchored && row.mac === null) {
        broken = fault(seq, "mac", "缺少 MAC（启用锚定后写入的每条记录都应带 MAC）");
      } else if (row.mac !== null && !macMatches(row.mac, entryMac(key.bytes, seq, row.hash))) {
        broken = fault(
          seq,
          "rehash",
          "哈希链自洽但 MAC 不符：该条被修改后重算了哈希（没有密钥）；若密钥被更换或丢失，第一条带 MAC 的记录也会如此",
        );
      }
      if (broken) break scan;
      checked += 1;
      if (watched.has(seq)) seen.set(seq, { hash: row.hash, count: checked });
      prev = { seq, hash: row.hash };
    }
  }
  const lastSeq = prev?.seq ?? 0;
  let checkpoint = before;
  if (!broken && lastSeq >= from) {
    // Appends may have committed since `before` was read: take the newest again for the entries after it.
    checkpoint = before !== null && before.seq >= lastSeq ? before : await latestCheckpoint(db);
    if (checkpoint === null) {
      broken = fault(lastSeq + 1, "truncation", "检查点表是空的（被清空）：无法确认最新的记录没有被删除");
    } else if (checkpoint.seq < lastSeq) {
      broken = fault(
        checkpoint.seq + 1,
        "truncation",
        `检查点表只到第 ${checkpoint.seq} 条，之后的检查点被删除（记录仍到第 ${lastSeq} 条）`,
      );
    }
  }
  if (!broken && before !== null) broken = checkAgainst(key.bytes, before, "检查点", lastSeq, seen);
  if (!broken && checkpoint !== null && checkpoint !== before && !checkpointSigned(key.bytes, checkpoint)) {
    broken = fault(checkpoint.seq, "mac", `检查点（第 ${checkpoint.seq} 条）的 MAC 不符`);
  }
  if (!broken && options.anchor)
    broken = checkAgainst(key.bytes, options.anchor, "导出的锚点", lastSeq, seen);
  return {
    ok: broken === undefined,
    checked,
    keySource: key.source,
    ...(key.file === undefined ? {} : { keyFile: key.file }),
    anchoredFrom: from,
    checkpoint,
    anchorChecked: options.anchor !== undefined,
    ...(broken ? { firstBroken: broken } : {}),
  };
}

/** The anchor to export: the newest checkpoint once the trail verifies, or a fresh one for a trail without any. */
export async function exportableAnchor(
  db: Kysely<Schema>,
): Promise<TrailVerification & { anchor?: TrailCheckpoint }> {
  const result = await verifyTrail(db);
  if (!result.ok) return result;
  if (result.checkpoint !== null) return { ...result, anchor: result.checkpoint };
  const head = await db
    .selectFrom("trail")
    .select(["seq", "hash"])
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirst();
  const key = await trailKey(db);
  const unsigned = {
    seq: head === undefined ? 0 : Number(head.seq),
    count: result.checked,
    headHash: head?.hash ?? GENESIS_HASH,
    at: new Date().toISOString(),
  };
  return { ...result, anchor: { ...unsigned, mac: checkpointMac(key.bytes, unsigned) } };
}
