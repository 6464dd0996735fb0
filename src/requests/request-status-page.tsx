/**
 * /requests/status — the look-up form (tracking number + verification code) and the status of one request:
 * its steps with dates, the due date (暂定 while provisional, R-WD-3) and its issued letters with
 * short-lived download links. Nothing about any other request is shown.
 */

import { ErrorSummary, TextInput } from "../web/form-controls.tsx";
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";
import type { PublicRequestView } from "./request-tracking.service.ts";

/** Where the status page is. */
export const STATUS_PATH = "/requests/status";

/** A letter's download links (signed, short-lived). */
export interface LetterLinks {
  readonly docx: string;
  readonly pdf: string;
}

/** Field labels of the look-up form. */
const LOOKUP_LABELS: Readonly<Record<string, string>> = { trackingNo: "查询号", code: "验证码" };

/** Props of the look-up form. */
export interface StatusLookupProps extends PageFrame {
  readonly formToken: string;
  readonly trackingNo?: string;
  readonly errors?: Readonly<Record<string, string | undefined>>;
  /** A problem with the look-up as a whole (wrong code, throttled, expired page). */
  readonly general?: string;
}

/** The look-up form page. */
export function StatusLookupPage({
  formToken,
  trackingNo,
  errors = {},
  general,
  textSize,
  returnPath,
}: StatusLookupProps) {
  return (
    <PageLayout title="依申请公开办理进度查询" textSize={textSize} returnPath={returnPath}>
      <link rel="stylesheet" href="/assets/request-forms.css" precedence="default" />
      <h1>依申请公开办理进度查询</h1>
      <ErrorSummary errors={errors} labels={LOOKUP_LABELS} general={general} />
      <p className="lead">输入提交申请后得到的查询号和6位验证码，查看办理进度和答复文书。</p>
      <form className="panel request-form" method="post" action={STATUS_PATH}>
        <input type="hidden" name="formToken" value={formToken} />
        <TextInput
          name="trackingNo"
          label="查询号"
          hint="以 YSQ 开头，例如 YSQ2026000100001。"
          error={errors.trackingNo}
          value={trackingNo}
          autoComplete="off"
          required
        />
        <TextInput
          name="code"
          label="验证码"
          hint="6 位数字。"
          error={errors.code}
          autoComplete="off"
          inputMode="numeric"
          required
        />
        <button type="submit">查询</button>
      </form>
      <p className="hint">为保护申请人的信息，同一网络地址或同一查询号15分钟内输错10次后将暂停查询15分钟。</p>
    </PageLayout>
  );
}

/** Props of the status page. */
export interface RequestStatusPageProps extends PageFrame {
  readonly view: PublicRequestView;
  /** Download links by letter id. */
  readonly links: ReadonlyMap<number, LetterLinks>;
  /** R-31-4: submitted online (or by fax) and not yet confirmed by the office, so not yet received. */
  readonly awaitingConfirmation: boolean;
}

/** An instant as a Shanghai date and time, e.g. "2026-03-02 14:05". */
function shanghaiDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}

/** The status page of one request. */
export function RequestStatusPage({
  view,
  links,
  awaitingConfirmation,
  textSize,
  returnPath,
}: RequestStatusPageProps) {
  return (
    <PageLayout title={`办理进度：${view.trackingNo}`} textSize={textSize} returnPath={returnPath}>
      <link rel="stylesheet" href="/assets/request-forms.css" precedence="default" />
      <h1>办理进度</h1>
      <dl className="meta panel">
        <dt>查询号</dt>
        <dd>{view.trackingNo}</dd>
        <dt>受理机关</dt>
        <dd>{view.agencyName}</dd>
        <dt>收到申请之日</dt>
        <dd>
          {awaitingConfirmation
            ? `待工作机构与您确认（${view.receivedOn} 在线提交；按条例第三十一条，以双方确认之日为收到申请之日）`
            : view.receivedOn}
        </dd>
        <dt>当前状态</dt>
        <dd className="status-name">
          {awaitingConfirmation ? "已在线提交，待工作机构确认" : view.statusName}
        </dd>
        <dt>答复期限</dt>
        <dd>
          {awaitingConfirmation || !view.due ? "确认收到申请后，自收到申请之日起20个工作日内答复" : view.due}
          {!awaitingConfirmation && view.due && view.provisional ? (
            <span className="provisional">
              （暂定：期限跨入国务院尚未公布节假日安排的年份，公布后可能调整）
            </span>
          ) : null}
        </dd>
      </dl>
      <h2>办理过程</h2>
      {view.steps.length > 0 ? (
        <ol className="steps">
          {view.steps.map((step) => (
            <li key={`${step.date}|${step.text}`}>
              <span className="step-date">{step.date}</span> {step.text}
            </li>
          ))}
        </ol>
      ) : (
        <p>暂无办理记录。</p>
      )}
      <h2>答复文书</h2>
      {view.letters.length > 0 ? (
        <ul className="letters">
          {view.letters.map((letter) => {
            const link = links.get(letter.id);
            return (
              <li key={letter.id}>
                <span className="letter-title">{letter.title}</span>
                <span className="hint">（{shanghaiDateTime(letter.issuedAt)} 出具）</span>
                {link ? (
                  <span className="downloads">
                    <a href={link.docx}>
                      下载 Word 版<span className="visually-hidden">：{letter.title}</span>
                    </a>
                    <a href={link.pdf}>
                      下载 PDF 版<span className="visually-hidden">：{letter.title}</span>
                    </a>
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>暂无已出具的文书。</p>
      )}
      {view.letters.length > 0 ? (
        <p className="hint">下载链接30分钟内有效；过期后请重新查询。请勿将本页转发给他人。</p>
      ) : null}
      <p>
        <a href={STATUS_PATH}>查询其他申请</a>
      </p>
    </PageLayout>
  );
}
