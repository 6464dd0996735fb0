/**
 * The figures of a year's disclosure work that the annual report's prose states (sections 一, 五 and 六 of
 * 国办公开办函〔2021〕30号), each counted from the records, and the placeholder values made from them.
 */

/** A new-media account's or the portal's figures for the year. */
export interface ChannelFigures {
  /** "wechat" (微信公众号), "weibo" (微博), "toutiao" (今日头条) or another kind. */
  readonly kind: string;
  readonly name: string;
  readonly posts: number;
  /** Replies to the public on the account (回应关注), when the office records them. */
  readonly responses: number;
}

/** Everything the prose of the report states. */
export interface ReportFigures {
  readonly agencyName: string;
  readonly year: number;
  /** Items published on the portal in the year (主动公开信息). */
  readonly releases: number;
  /** Periodic columns and the issues each published in the year (e.g. 周警情播报 52 期). */
  readonly periodic: readonly { readonly name: string; readonly issues: number }[];
  /** Administrative decisions published in the year (行政权力运行结果信息). */
  readonly decisionsPublished: number;
  readonly channels: readonly ChannelFigures[];
  /** Public messages answered on the portal in the year. */
  readonly messagesReplied: number;
  readonly requests: {
    readonly received: number;
    readonly carriedOver: number;
    readonly processed: number;
    readonly carriedForward: number;
    /** Requests replied after their due date in the year. */
    readonly late: number;
  };
  readonly rules: {
    readonly regulationsIssued: number;
    readonly normativeIssued: number;
    readonly normativeAbolished: number;
    readonly normativeValid: number;
  };
  readonly decisions: { readonly licensing: number; readonly penalty: number; readonly enforcement: number };
  /** 行政事业性收费 in 万元 (exact decimal string). */
  readonly feesWanYuan: string;
  readonly review: {
    readonly reconsiderations: number;
    readonly litigations: number;
    readonly corrected: number;
  };
  readonly training: { readonly sessions: number; readonly personTimes: number };
  /** 信息处理费 collected in the year, in 元 (exact decimal string; "0" when none). */
  readonly processingFeeYuan: string;
  /** Monitor breaches of the year, by rule ID (S-1, W-7 …), for section 五. */
  readonly breaches: readonly { readonly rule: string; readonly name: string; readonly count: number }[];
}

/** How a channel is named in prose: “平安济源”微信公众号, 官方微博, 今日头条号. */
function channelPhrase(c: ChannelFigures): string {
  if (c.kind === "wechat") return `“${c.name}”微信公众号发布${c.posts}条`;
  if (c.kind === "weibo")
    return `官方微博“${c.name}”发布${c.posts}条${c.responses > 0 ? `，微博回应关注${c.responses}件` : ""}`;
  if (c.kind === "toutiao") return `今日头条号“${c.name}”发布${c.posts}条`;
  return `“${c.name}”发布${c.posts}条`;
}

/** The placeholder values of the report's prose. */
export function reportValues(f: ReportFigures): Record<string, string> {
  const periodic = f.periodic.map((p) => `${p.name}${p.issues}期`).join("，");
  const channels = f.channels.filter((c) => c.kind !== "portal");
  const fee = f.processingFeeYuan === "0" ? "" : f.processingFeeYuan;
  const breaches = f.breaches.filter((b) => b.count > 0);
  return {
    agencyName: f.agencyName,
    year: String(f.year),
    nextYear: String(f.year + 1),
    releases: String(f.releases),
    periodicSentence: periodic,
    decisionsPublished: String(f.decisionsPublished),
    channelSentence: channels.map(channelPhrase).join("，"),
    channelNames: channels.map((c) => `“${c.name}”`).join("、"),
    messagesReplied: String(f.messagesReplied),
    requestsReceived: String(f.requests.received),
    requestsCarriedOver: String(f.requests.carriedOver),
    requestsProcessed: String(f.requests.processed),
    requestsCarriedForward: String(f.requests.carriedForward),
    requestsLate: f.requests.late > 0 ? String(f.requests.late) : "",
    regulationsIssued: String(f.rules.regulationsIssued),
    normativeIssued: String(f.rules.normativeIssued),
    normativeAbolished: String(f.rules.normativeAbolished),
    normativeValid: String(f.rules.normativeValid),
    licensing: String(f.decisions.licensing),
    penalty: String(f.decisions.penalty),
    enforcement: String(f.decisions.enforcement),
    fees: /^0(\.0*)?$/.test(f.feesWanYuan) ? "" : f.feesWanYuan,
    reconsiderations: String(f.review.reconsiderations),
    litigations: String(f.review.litigations),
    reviewCorrected: f.review.corrected > 0 ? String(f.review.corrected) : "",
    trainingSessions: f.training.sessions > 0 ? String(f.training.sessions) : "",
    trainingPersonTimes: String(f.training.personTimes),
    processingFee: fee,
    breachSentence: breaches.map((b) => `${b.name}（${b.rule}）预警${b.count}次`).join("，"),
  };
}
