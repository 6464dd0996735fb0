/**
 * The letters API's answers (docs/REQUESTS.md, "Letters"): a letter of a case and the effective letter
 * templates. Imports only TypeBox, src/core and other contracts.
 */
import { type Static, Type } from "@sinclair/typebox";
import { LETTER_KIND_KEYS, LETTER_STATUSES } from "../core/letter/letter-kinds.ts";
import { Id, Instant, Nullable } from "./common.contract.ts";

/** A letter kind (答复书 and the notices). */
export const LetterKind = Type.Union(LETTER_KIND_KEYS.map((k) => Type.Literal(k)));
/** A letter kind (答复书 and the notices). */
export type LetterKind = Static<typeof LetterKind>;

/** A letter's status: an editable draft, or issued and frozen. */
export const LetterStatus = Type.Union(LETTER_STATUSES.map((s) => Type.Literal(s)));
/** A letter's status: an editable draft, or issued and frozen. */
export type LetterStatus = Static<typeof LetterStatus>;

/** A letter of a case: a draft until issued, then frozen. */
export const Letter = Type.Object({
  id: Id,
  requestId: Id,
  kind: LetterKind,
  kindName: Type.String(),
  status: LetterStatus,
  title: Type.String(),
  body: Type.String(),
  issuedAt: Nullable(Instant),
  issuedByName: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
});
/** A letter of a case: a draft until issued, then frozen. */
export type Letter = Static<typeof Letter>;

/** Answer of GET /api/requests/:id/letters. */
export const LetterList = Type.Object({ letters: Type.Array(Letter) });
/** Answer of GET /api/requests/:id/letters. */
export type LetterList = Static<typeof LetterList>;

/** Where an effective template comes from: the agency, the installation, or built in. */
export const TemplateSource = Type.Union([
  Type.Literal("agency"),
  Type.Literal("installation"),
  Type.Literal("builtin"),
]);
/** Where an effective template comes from: the agency, the installation, or built in. */
export type TemplateSource = Static<typeof TemplateSource>;

/** A letter template as the editor shows it, with where it comes from. */
export const LetterTemplate = Type.Object({
  agencyId: Nullable(Id),
  kind: LetterKind,
  kindName: Type.String(),
  outcome: Nullable(Type.String()),
  outcomeName: Nullable(Type.String()),
  title: Type.String(),
  body: Type.String(),
  source: TemplateSource,
  updatedAt: Nullable(Instant),
});
/** A letter template as the editor shows it, with where it comes from. */
export type LetterTemplate = Static<typeof LetterTemplate>;

/** Answer of GET /api/letter-templates. */
export const LetterTemplateList = Type.Object({ templates: Type.Array(LetterTemplate) });
/** Answer of GET /api/letter-templates. */
export type LetterTemplateList = Static<typeof LetterTemplateList>;

/** Answer of DELETE /api/letter-templates: the template that now applies, or null. */
export const LetterTemplateReset = Type.Object({ template: Nullable(LetterTemplate) });
/** Answer of DELETE /api/letter-templates: the template that now applies, or null. */
export type LetterTemplateReset = Static<typeof LetterTemplateReset>;
