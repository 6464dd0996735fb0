/**
 * The public form of the message board (政务咨询 / 建议): labelled fields with their hints and errors, a signed
 * token, a hidden idempotency key and a honeypot field; usable with JavaScript off and by keyboard.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { TextArea, TextInput } from "../web/form-controls.tsx";
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";
import { BoardCrumbs, boardPath } from "./message-pages.tsx";

/** What the form shows again after a refused post. */
export interface BoardFormValues {
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly publishConsent: boolean;
}

/** Empty form values. */
export const EMPTY_FORM: BoardFormValues = {
  kind: "consultation",
  title: "",
  body: "",
  authorName: "",
  contactPhone: "",
  contactEmail: "",
  publishConsent: true,
};

/** Props of the form page. */
export interface BoardFormPageProps extends PageFrame {
  readonly agency: Agency;
  readonly token: string;
  readonly formKey: string;
  readonly values: BoardFormValues;
  /** Messages by field name ("form" for the whole form). */
  readonly errors: Readonly<Record<string, string>>;
}

/** The message form (works without JavaScript). */
export function BoardFormPage({
  agency,
  token,
  formKey,
  values,
  errors,
  textSize,
  returnPath,
}: BoardFormPageProps) {
  return (
    <PageLayout title={`向${agency.name}留言`} textSize={textSize} returnPath={returnPath}>
      <BoardCrumbs agency={agency} current="我要留言" />
      <h1>向{agency.name}留言</h1>
      <p className="lead">
        请如实填写。我们会在受理后尽快答复；您同意公开的留言和答复会在网站上公布（留言人姓名只显示姓氏，联系方式不公开）。
      </p>
      {Object.keys(errors).length > 0 ? (
        <div className="alert" role="alert" id="form-error">
          <p>{errors.form ?? "提交的内容有误，请按各栏目下的提示修改后再提交。"}</p>
        </div>
      ) : null}
      <form className="panel" method="post" action={boardPath(agency.id)} noValidate>
        <input type="hidden" name="_token" value={token} />
        <input type="hidden" name="key" value={formKey} />
        <fieldset>
          <legend>留言类别（必填）</legend>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              value="consultation"
              defaultChecked={values.kind !== "suggestion"}
            />
            政务咨询
          </label>
          <label className="choice">
            <input
              type="radio"
              name="kind"
              value="suggestion"
              defaultChecked={values.kind === "suggestion"}
            />
            意见建议
          </label>
        </fieldset>
        <TextInput
          name="title"
          label="标题"
          hint="用一句话概括您的问题，不超过 50 个字。"
          value={values.title}
          error={errors.title}
          required
          requiredAttribute
          maxLength={50}
        />
        <TextArea
          name="body"
          label="留言内容"
          hint="请写清楚您想咨询的事项或建议，不超过 2000 个字。请不要填写身份证号等个人敏感信息。"
          value={values.body}
          error={errors.body}
          maxLength={2000}
          requiredAttribute
        />
        <TextInput
          name="authorName"
          label="姓名或单位名称"
          hint="公开时只显示第一个字。"
          value={values.authorName}
          error={errors.authorName}
          required
          requiredAttribute
          maxLength={50}
          autoComplete="name"
        />
        <TextInput
          name="contactPhone"
          label="联系电话"
          hint="选填，便于我们与您联系，不会公开。"
          value={values.contactPhone}
          error={errors.contactPhone}
          type="tel"
          maxLength={30}
          autoComplete="tel"
        />
        <TextInput
          name="contactEmail"
          label="电子邮箱"
          hint="选填，不会公开。"
          value={values.contactEmail}
          error={errors.contactEmail}
          type="email"
          maxLength={100}
          autoComplete="email"
        />
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="publishConsent" value="yes" defaultChecked={values.publishConsent} />
            同意在网站上公开我的留言和答复
          </label>
        </div>
        <div className="hp" aria-hidden="true">
          <label htmlFor="website">请勿填写此栏</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit">提交留言</button>
      </form>
    </PageLayout>
  );
}
