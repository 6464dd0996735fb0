/**
 * Facts of a prose sentence that the C-9 claim patterns ask about (is it about requests, about
 * reconsideration, where is "其中", where is the next outcome word), found once per sentence: asked again
 * at every match, a long sentence with many matches cost the square of its length.
 */
import type { ProseSentence } from "./prose-text.ts";

const OUTCOME_WORDS = /予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理|结转下|转下一?年/g;
const OUTCOME_CONTEXT = /申请|答复|办理|办结|其中/;
const REVIEW_CONTEXT = /信息公开|依申请/;

/** Facts of a whole sentence, found once per sentence rather than once per match (many matches: quadratic). */
export interface SentenceFacts {
  readonly firstQizhong: number;
  readonly outcomeContext: boolean;
  readonly reviewContext: boolean;
  readonly decisionContext: boolean;
  /** End of the first outcome word at or after an offset, by offset (Infinity when none). */
  readonly outcomeEnds: Map<number, number>;
}

const FACTS = new WeakMap<ProseSentence, SentenceFacts>();

/** The facts of a sentence, computed on first use. */
export function factsOf(s: ProseSentence): SentenceFacts {
  let facts = FACTS.get(s);
  if (!facts) {
    const c = s.compact;
    facts = {
      firstQizhong: c.indexOf("其中"),
      outcomeContext: OUTCOME_CONTEXT.test(c) || (c.match(OUTCOME_WORDS)?.length ?? 0) >= 2,
      reviewContext: REVIEW_CONTEXT.test(c),
      decisionContext: /决定|办理/.test(c),
      outcomeEnds: new Map(),
    };
    FACTS.set(s, facts);
  }
  return facts;
}

/** True when "其中" stands before the match (the number is a part, not the whole). */
export const afterQizhong = (s: ProseSentence, m: RegExpExecArray): boolean => {
  const at = factsOf(s).firstQizhong;
  return at >= 0 && at + 2 <= m.index;
};

/** True when an outcome word (予以公开 …) lies wholly within the compact span [from, to). */
export function outcomeWordWithin(s: ProseSentence, from: number, to: number): boolean {
  const ends = factsOf(s).outcomeEnds;
  let end = ends.get(from);
  if (end === undefined) {
    const re = new RegExp(OUTCOME_WORDS.source, "g");
    re.lastIndex = from;
    const f = re.exec(s.compact);
    end = f ? f.index + f[0].length : Number.POSITIVE_INFINITY;
    ends.set(from, end);
  }
  return end <= to;
}
