/**
 * The trail's vocabularies as the API names them: the kinds of fault verify reports and where the MAC key
 * came from.
 */

/** The kinds of fault verify reports: 截断, 缺号, 篡改/重算, MAC 不符. */
export const TRAIL_FAULT_KINDS = ["truncation", "gap", "rehash", "mac"] as const;

/** A kind of fault. */
export type TrailFaultKind = (typeof TRAIL_FAULT_KINDS)[number];

/** Where the trail's MAC key came from: GONGKAI_TRAIL_KEY, a key file, or the installation secret. */
export const TRAIL_KEY_SOURCES = ["env", "key-file", "installation-secret"] as const;

/** A source of the MAC key. */
export type TrailKeySource = (typeof TRAIL_KEY_SOURCES)[number];
