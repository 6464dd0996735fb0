/**
 * GET /agencies/:id/disclosure/apply — the online request form (条例第二十九条) with plain-Chinese guidance:
 * who may apply, what to describe, the form of provision and how to receive it, fees, time limits. Works
 * without JavaScript (multipart POST, radio buttons, both applicant field groups shown with headings).
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { MAX_DESCRIPTION_LENGTH } from "../core/request/applicant-check.ts";
import { disclosurePath } from "../web/disclosure-frame.tsx";
import { ErrorSummary, RadioGroup, SelectInput, TextArea, TextInput } from "../web/form-controls.tsx";
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";
import {
  APPLICANT_KINDS,
  type ApplyField,
  type ApplyValues,
  DELIVERY_METHOD_OPTIONS,
  ID_TYPE_OPTIONS,
  MAX_IDENTITY_FILES,
  PROVISION_FORM_OPTIONS,
} from "./tracking-apply-input.ts";

/** The path of an agency's online request form. */
export function applyPath(agencyId: number): string {
  return `/agencies/${agencyId}/disclosure/apply`;
}

/** The field names as the error summary shows them. */
export const APPLY_FIELD_LABELS: Readonly<Record<ApplyField, string>> = {
  formToken: "页面校验",
  formKey: "页面校验",
  applicantKind: "申请人类型",
  personName: "姓名",
  idType: "身份证件类型",
  idNumber: "身份证件号码",
  orgName: "名称",
  orgCreditCode: "统一社会信用代码",
  orgRepresentative: "法定代表人或联系人",
  phone: "联系电话",
  email: "电子邮箱",
  address: "通信地址",
  postcode: "邮政编码",
  description: "所需信息的描述",
  provisionForm: "提供形式",
  deliveryMethod: "获取方式",
  identityDocument: "身份证明",
};

/** Props of the form page. */
export interface RequestApplyPageProps extends PageFrame {
  readonly agency: Agency;
  /** The signed form token and the form's idempotency key (hidden fields). */
  readonly formToken: string;
  readonly formKey: string;
  readonly values?: ApplyValues;
  readonly errors?: Partial<Record<ApplyField, string>>;
  /** A problem not tied to one field (e.g. the page had expired). */
  readonly general?: string;
}

/** The guidance above the form. */
function Guidance({ agency }: { agency: Agency }) {
  return (
    <section className="panel" aria-labelledby="guidance-title">
      <h2 id="guidance-title">申请须知</h2>
      <ul className="guidance">
        <li>
          <strong>谁可以申请：</strong>
          公民、法人或者其他组织都可以向{agency.name}
          申请获取本机关制作或者保存的政府信息，不需要说明用途（《中华人民共和国政府信息公开条例》第二十七条）。
        </li>
        <li>
          <strong>写清楚要什么：</strong>
          请写明所需政府信息的名称、文号，或者便于查询的其他特征性描述（例如发文年份、发文机关、涉及的事项或地点）。描述越具体，越能尽快找到。
        </li>
        <li>
          <strong>怎么提供：</strong>
          选择提供形式（纸质或电子）和获取方式（邮寄、自取、电子邮件或在线查看）。
        </li>
        <li>
          <strong>费用：</strong>
          依申请提供政府信息不收费。只有申请的数量、频次明显超过合理范围时，才会按规定收取信息处理费，收费前会书面通知您（国办函〔2020〕109号）。
        </li>
        <li>
          <strong>多长时间答复：</strong>
          工作人员确认收到申请后，确认之日为收到申请之日（条例第三十一条）；自该日起20个工作日内答复，需要延长的会告知您，延长最多20个工作日（条例第三十三条）。
        </li>
        <li>
          <strong>查询进度：</strong>
          提交后页面会显示查询号和6位验证码，凭这两项可以随时
          <a href="/requests/status">查询办理进度</a>并下载答复文书。
        </li>
      </ul>
      <p>
        也可以当面、邮寄或传真提交申请，联系方式见
        <a href={disclosurePath(agency.id, "guide")}>政府信息公开指南</a>。
      </p>
    </section>
  );
}

/** The form page. */
export function RequestApplyPage(props: RequestApplyPageProps) {
  const { agency, formToken, formKey, general, textSize, returnPath } = props;
  const values = props.values ?? {};
  const errors = props.errors ?? {};
  const hasErrors = Boolean(general) || Object.values(errors).some(Boolean);
  const title = `向${agency.name}申请政府信息公开`;
  return (
    <PageLayout title={hasErrors ? `有错误：${title}` : title} textSize={textSize} returnPath={returnPath}>
      <link rel="stylesheet" href="/assets/request-forms.css" precedence="default" />
      <nav className="breadcrumb" aria-label="当前位置">
        <ol>
          <li>
            <a href="/">首页</a>
          </li>
          <li>
            <a href={disclosurePath(agency.id)}>{agency.name}政府信息公开</a>
          </li>
          <li>
            <span aria-current="page">在线申请</span>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <ErrorSummary errors={errors} labels={APPLY_FIELD_LABELS} general={general} />
      <Guidance agency={agency} />
      <form
        className="panel request-form"
        method="post"
        action={applyPath(agency.id)}
        encType="multipart/form-data"
      >
        <input type="hidden" name="formToken" value={formToken} />
        <input type="hidden" name="formKey" value={formKey} />
        <p className="hint">标有“必填”的项目必须填写。</p>

        <h2>一、申请人信息</h2>
        <RadioGroup
          name="applicantKind"
          label="申请人类型"
          hint="以个人名义申请的选“自然人”；以单位名义申请的，选择单位所属的类别。提交后不能更改。"
          error={errors.applicantKind}
          value={values.applicantKind}
          options={APPLICANT_KINDS}
        />
        <fieldset className="group">
          <legend>自然人填写</legend>
          <p className="hint">申请人类型选择“自然人”时填写本组；以单位名义申请的不用填写。</p>
          <TextInput
            name="personName"
            label="姓名"
            error={errors.personName}
            value={values.personName}
            autoComplete="name"
          />
          <SelectInput
            name="idType"
            label="身份证件类型"
            error={errors.idType}
            value={values.idType}
            options={ID_TYPE_OPTIONS}
          />
          <TextInput
            name="idNumber"
            label="身份证件号码"
            error={errors.idNumber}
            value={values.idNumber}
            autoComplete="off"
          />
        </fieldset>
        <fieldset className="group">
          <legend>法人或其他组织填写</legend>
          <p className="hint">以单位名义申请时填写本组；以个人名义申请的不用填写。</p>
          <TextInput
            name="orgName"
            label="名称"
            hint="与营业执照或登记证书上的名称一致。"
            error={errors.orgName}
            value={values.orgName}
            autoComplete="organization"
          />
          <TextInput
            name="orgCreditCode"
            label="统一社会信用代码"
            hint="18 位，见营业执照或登记证书。"
            error={errors.orgCreditCode}
            value={values.orgCreditCode}
            autoComplete="off"
          />
          <TextInput
            name="orgRepresentative"
            label="法定代表人或联系人"
            error={errors.orgRepresentative}
            value={values.orgRepresentative}
          />
        </fieldset>

        <h2>二、联系方式</h2>
        <TextInput
          name="phone"
          label="联系电话"
          hint="手机或固定电话，工作人员会通过它与您确认申请。"
          error={errors.phone}
          value={values.phone}
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          required
        />
        <TextInput
          name="email"
          label="电子邮箱"
          hint="选择电子邮件获取时必填。"
          error={errors.email}
          value={values.email}
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        <TextInput
          name="address"
          label="通信地址"
          hint="选择邮寄时必填。"
          error={errors.address}
          value={values.address}
          autoComplete="street-address"
        />
        <TextInput
          name="postcode"
          label="邮政编码"
          hint="6 位数字，选择邮寄时必填。"
          error={errors.postcode}
          value={values.postcode}
          autoComplete="postal-code"
          inputMode="numeric"
        />

        <h2>三、申请公开的政府信息</h2>
        <TextArea
          name="description"
          label="所需信息的描述"
          hint={`请写明政府信息的名称、文号或者便于查询的其他特征性描述，例如“2023年本机关印发的关于老旧小区改造的通知（文号）”。一份申请最好只申请一项或一类信息，不超过 ${MAX_DESCRIPTION_LENGTH} 字。`}
          error={errors.description}
          value={values.description}
        />

        <h2>四、提供形式和获取方式</h2>
        <RadioGroup
          name="provisionForm"
          label="提供形式"
          error={errors.provisionForm}
          value={values.provisionForm}
          options={PROVISION_FORM_OPTIONS}
        />
        <RadioGroup
          name="deliveryMethod"
          label="获取方式"
          hint="纸质形式可以邮寄或自取；电子形式可以电子邮件、在线查看（在进度查询页下载）、邮寄光盘或自取。"
          error={errors.deliveryMethod}
          value={values.deliveryMethod}
          options={DELIVERY_METHOD_OPTIONS}
        />

        <h2>五、身份证明</h2>
        <div className={errors.identityDocument ? "field has-error" : "field"}>
          <label htmlFor="identityDocument">
            上传身份证明<span className="required">（必填）</span>
          </label>
          <p className="hint" id="identityDocument-hint">
            自然人上传身份证件的照片或扫描件；法人或其他组织上传营业执照、登记证书等。支持 PDF、JPG、PNG
            格式，最多 {MAX_IDENTITY_FILES} 个文件，每个不超过 10 MB。
            {hasErrors ? "如需重新提交，请重新选择文件。" : ""}
          </p>
          {errors.identityDocument ? (
            <p className="field-error" id="identityDocument-error">
              <span className="visually-hidden">错误：</span>
              {errors.identityDocument}
            </p>
          ) : null}
          <input
            id="identityDocument"
            name="identityDocument"
            type="file"
            multiple
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-invalid={errors.identityDocument ? true : undefined}
            aria-describedby={
              errors.identityDocument
                ? "identityDocument-hint identityDocument-error"
                : "identityDocument-hint"
            }
          />
        </div>
        <p>提交即表示您确认所填信息真实。您的个人信息只用于办理本申请，不会公开。</p>
        <button type="submit">提交申请</button>
      </form>
    </PageLayout>
  );
}
