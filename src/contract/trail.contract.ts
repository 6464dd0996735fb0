/**
 * The audit-trail API's answers: GET /api/trail and GET /api/trail/verify.
 */
import { type Static, Type } from "@sinclair/typebox";
import { TRAIL_FAULT_KINDS, TRAIL_KEY_SOURCES } from "../core/trail/trail-vocabulary.ts";
import { Id, Instant, Nullable } from "./common.contract.ts";

/** One entry of the audit trail. */
export const TrailEntry = Type.Object({
  seq: Type.Integer(),
  at: Instant,
  actorName: Type.String(),
  actorRole: Type.String(),
  agencyId: Nullable(Id),
  agencyName: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  /** The entity before and after the change, as recorded (any JSON). */
  before: Type.Unknown(),
  after: Type.Unknown(),
  ip: Type.String(),
});
export type TrailEntry = Static<typeof TrailEntry>;

/** Answer of GET /api/trail: one page, newest first, and how many entries match in all. */
export const TrailPage = Type.Object({ entries: Type.Array(TrailEntry), total: Type.Integer() });
export type TrailPage = Static<typeof TrailPage>;

/** A signed checkpoint of the trail: (count, head hash) and its MAC. */
export const TrailCheckpoint = Type.Object({
  seq: Type.Integer(),
  count: Type.Integer(),
  headHash: Type.String(),
  at: Instant,
  mac: Type.String(),
});
export type TrailCheckpoint = Static<typeof TrailCheckpoint>;

/** The first fault verify found: its seq, kind and a Chinese reason beginning with the kind's name. */
export const TrailFault = Type.Object({
  seq: Type.Integer(),
  kind: Type.Union(TRAIL_FAULT_KINDS.map((k) => Type.Literal(k))),
  reason: Type.String(),
});
export type TrailFault = Static<typeof TrailFault>;

/** Answer of GET /api/trail/verify. */
export const TrailVerification = Type.Object({
  ok: Type.Boolean(),
  /** Entries checked before the first fault (all of them when ok). */
  checked: Type.Integer(),
  keySource: Type.Union(TRAIL_KEY_SOURCES.map((s) => Type.Literal(s))),
  keyFile: Type.Optional(Type.String()),
  /** The first seq written with a MAC. */
  anchoredFrom: Type.Integer(),
  checkpoint: Nullable(TrailCheckpoint),
  anchorChecked: Type.Boolean(),
  firstBroken: Type.Optional(TrailFault),
});
export type TrailVerification = Static<typeof TrailVerification>;
