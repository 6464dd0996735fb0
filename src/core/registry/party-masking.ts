/**
 * What of a decision's party may be shown to the public (个人信息保护法 第二十五条, 民法典 第一千零三十四条):
 * a natural person's name masked after its first character (张**), identity document numbers never.
 */
import { maskPersonName } from "../privacy/person-name.ts";
import type { PartyKind } from "./decision-kinds.ts";

/** The party's name as the public may see it: organisations in full, natural persons masked. */
export function publicPartyName(kind: PartyKind, name: string): string {
  return kind === "naturalPerson" ? maskPersonName(name) : name.trim();
}
