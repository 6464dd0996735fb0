/**
 * The trail's keyed MACs and signed checkpoints: an entry's MAC binds its seq to its hash (which covers its
 * content and its predecessor's hash); a checkpoint signs (seq, count, head hash, time). Without the key,
 * neither can be forged, so re-hashing breaks the MACs and truncation falls short of the latest checkpoint.
 * An exported checkpoint ("anchor") is the same record as JSON, kept off the machine by the operator.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { DomainError } from "../core/domain-error.ts";

/** A signed checkpoint of the trail. */
export interface TrailCheckpoint {
  /** The head entry's seq (0 for an empty trail). */
  readonly seq: number;
  /** How many entries the trail holds up to and including `seq`. */
  readonly count: number;
  readonly headHash: string;
  /** When the checkpoint was written (ISO 8601). */
  readonly at: string;
  readonly mac: string;
}

/** The `format` field of an exported anchor. */
export const ANCHOR_FORMAT = "gongkai-trail-anchor/1";

/** HMAC-SHA256 (hex) of an entry's seq and hash. */
export function entryMac(key: Buffer, seq: number, hash: string): string {
  return createHmac("sha256", key)
    .update(JSON.stringify(["entry", seq, hash]))
    .digest("hex");
}

/** HMAC-SHA256 (hex) of a checkpoint's seq, count, head hash and time. */
export function checkpointMac(key: Buffer, checkpoint: Omit<TrailCheckpoint, "mac">): string {
  return createHmac("sha256", key)
    .update(
      JSON.stringify(["checkpoint", checkpoint.seq, checkpoint.count, checkpoint.headHash, checkpoint.at]),
    )
    .digest("hex");
}

/** Whether a stored MAC equals the expected one (constant time). */
export function macMatches(stored: string | null, expected: string): boolean {
  if (stored === null || stored.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(stored), Buffer.from(expected));
}

/** Whether the checkpoint carries a valid MAC under the key. */
export function checkpointSigned(key: Buffer, checkpoint: TrailCheckpoint): boolean {
  return macMatches(checkpoint.mac, checkpointMac(key, checkpoint));
}

/** The anchor file's text: the checkpoint as JSON. */
export function anchorJson(checkpoint: TrailCheckpoint): string {
  const { seq, count, headHash, at, mac } = checkpoint;
  return `${JSON.stringify({ format: ANCHOR_FORMAT, seq, count, headHash, at, mac }, null, 2)}\n`;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads an anchor file's text; a malformed one is refused with INVALID_INPUT and a Chinese message. */
export function parseAnchor(text: string): TrailCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DomainError(
      "INVALID_INPUT",
      "锚点文件不是 JSON：请使用 gongkai trail checkpoint --export 导出的文件",
    );
  }
  const v = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const ok =
    v.format === ANCHOR_FORMAT &&
    Number.isSafeInteger(v.seq) &&
    (v.seq as number) >= 0 &&
    Number.isSafeInteger(v.count) &&
    (v.count as number) >= 0 &&
    typeof v.headHash === "string" &&
    HEX64.test(v.headHash) &&
    typeof v.at === "string" &&
    typeof v.mac === "string" &&
    HEX64.test(v.mac);
  if (!ok) {
    throw new DomainError(
      "INVALID_INPUT",
      `锚点文件格式不正确：应含 format（${ANCHOR_FORMAT}）、seq、count、headHash、at、mac`,
    );
  }
  return {
    seq: v.seq as number,
    count: v.count as number,
    headHash: v.headHash as string,
    at: v.at as string,
    mac: v.mac as string,
  };
}
