/**
 * The answer to a submitted online request: the tracking number and the 6-digit verification code, shown
 * clearly once, and what happens next (R-31-4 receipt on mutual confirmation, R-33-1 20 working days).
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { disclosurePath } from "../web/disclosure-frame.tsx";
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";

/** Props of the confirmation page. */
export interface RequestConfirmationPageProps extends PageFrame {
  readonly agency: Agency;
  readonly trackingNo: string;
  readonly verificationCode: string;
  /** True when the same form was posted again: the first submission's request is shown. */
  readonly replay: boolean;
}

/** The confirmation page. */
export function RequestConfirmationPage({
  agency,
  trackingNo,
  verificationCode,
  replay,
  textSize,
  returnPath,
}: RequestConfirmationPageProps) {
  return (
    <PageLayout title="申请已提交" textSize={textSize} returnPath={returnPath}>
      <link rel="stylesheet" href="/assets/request-forms.css" precedence="default" />
      <h1>申请已提交</h1>
      {replay ? (
        <p className="notice">这份申请此前已经提交过，没有重复提交。下面是同一份申请的查询号和验证码。</p>
      ) : null}
      <section className="panel credentials" aria-labelledby="credentials-title">
        <h2 id="credentials-title">请妥善保存查询号和验证码</h2>
        <dl className="credential-list">
          <dt>查询号</dt>
          <dd className="credential" id="tracking-no">
            {trackingNo}
          </dd>
          <dt>验证码</dt>
          <dd className="credential" id="verification-code">
            {verificationCode}
          </dd>
        </dl>
        <p>
          凭查询号和6位验证码可以查询办理进度、下载答复文书。验证码只显示这一次，工作人员也无法查看，请抄写、截图或打印本页保存，不要告诉他人。
        </p>
      </section>
      <h2>接下来会怎样</h2>
      <ol className="next-steps">
        <li>
          {agency.name}
          政府信息公开工作机构收到后，会通过您留的联系方式与您确认申请。按照条例第三十一条，通过互联网提交的申请，以双方确认之日为收到申请之日。
        </li>
        <li>
          自收到申请之日起20个工作日内答复；需要延长答复期限的，会告知您，延长最多20个工作日（条例第三十三条）。
        </li>
        <li>
          申请内容不明确的，工作人员会一次性告知您需要补正的事项；补正后重新计算答复期限（条例第三十条）。
        </li>
        <li>办理中的每一步和答复文书都可以在进度查询页查看、下载。</li>
      </ol>
      <p className="actions">
        <a className="button-link" href="/requests/status">
          查询办理进度
        </a>
        <a href={disclosurePath(agency.id)}>返回{agency.name}政府信息公开</a>
      </p>
    </PageLayout>
  );
}
