/**
 * The public pages of an agency's message board (政务咨询 / 建议, the online consultation channel W-6 asks
 * for): the list of published replies, one message with its reply, the form, and the thank-you page. Server-
 * rendered, usable with JavaScript off and by keyboard; the author's name is masked, contacts never shown.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { type PageFrame, PageLayout } from "../server/page-layout.tsx";
import type { PublicMessage } from "./message.presenter.ts";

/** The board's path of an agency (and of one message). */
export function boardPath(agencyId: number, rest = ""): string {
  return `/agencies/${agencyId}/messages${rest}`;
}

/** The breadcrumb of the board pages. */
function Crumbs({ agency, current }: { readonly agency: Agency; readonly current?: string }) {
  return (
    <nav className="breadcrumb" aria-label="当前位置">
      <ol>
        <li>
          <a href="/">首页</a>
        </li>
        <li>
          {current ? (
            <a href={boardPath(agency.id)}>{agency.name}网民留言</a>
          ) : (
            <span aria-current="page">{agency.name}网民留言</span>
          )}
        </li>
        {current ? (
          <li>
            <span aria-current="page">{current}</span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}

/** Props of the list page. */
export interface BoardListPageProps extends PageFrame {
  readonly agency: Agency;
  readonly messages: readonly PublicMessage[];
  readonly page: number;
  readonly pages: number;
}

/** The published messages, newest first, with paging. */
export function BoardListPage({ agency, messages, page, pages, textSize, returnPath }: BoardListPageProps) {
  return (
    <PageLayout title={`${agency.name}网民留言`} textSize={textSize} returnPath={returnPath}>
      <Crumbs agency={agency} />
      <h1>{agency.name}网民留言</h1>
      <p className="lead">
        您可以在这里向{agency.name}提出政务咨询或意见建议。信访事项、纪检举报请通过相应渠道反映。
      </p>
      <p>
        <a className="button-link" href={boardPath(agency.id, "/new")}>
          我要留言
        </a>
      </p>
      <h2>已公开的留言答复</h2>
      {messages.length === 0 ? (
        <p>目前还没有公开的留言答复。</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">已公开的留言答复</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">类别</th>
                <th scope="col">受理日期</th>
                <th scope="col">答复日期</th>
                <th scope="col">答复部门</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <a href={boardPath(agency.id, `/${m.id}`)}>{m.title}</a>
                  </th>
                  <td className="text">{m.kindName}</td>
                  <td>{m.receivedOn}</td>
                  <td>{m.repliedOn}</td>
                  <td className="text">{m.replyDepartment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="翻页" className="pager">
          {page > 1 ? <a href={boardPath(agency.id, `?page=${page - 1}`)}>上一页</a> : null}
          <span>
            第 {page} 页，共 {pages} 页
          </span>
          {page < pages ? <a href={boardPath(agency.id, `?page=${page + 1}`)}>下一页</a> : null}
        </nav>
      ) : null}
    </PageLayout>
  );
}

/** Props of one message's page. */
export interface BoardMessagePageProps extends PageFrame {
  readonly agency: Agency;
  readonly message: PublicMessage;
}

/** One published message with its reply. */
export function BoardMessagePage({ agency, message, textSize, returnPath }: BoardMessagePageProps) {
  return (
    <PageLayout title={message.title} textSize={textSize} returnPath={returnPath}>
      <Crumbs agency={agency} current="留言详情" />
      <h1>{message.title}</h1>
      <dl className="meta">
        <dt>类别</dt>
        <dd>{message.kindName}</dd>
        <dt>留言人</dt>
        <dd>{message.authorName}</dd>
        <dt>受理日期</dt>
        <dd>{message.receivedOn}</dd>
        <dt>答复日期</dt>
        <dd>{message.repliedOn}</dd>
        <dt>答复部门</dt>
        <dd>{message.replyDepartment}</dd>
      </dl>
      <section className="panel" aria-labelledby="asked">
        <h2 id="asked">留言内容</h2>
        <p className="prewrap">{message.body}</p>
      </section>
      <section className="panel" aria-labelledby="answered">
        <h2 id="answered">答复内容</h2>
        <p className="prewrap">{message.replyBody}</p>
      </section>
      <p>
        <a href={boardPath(agency.id)}>返回留言列表</a>
      </p>
    </PageLayout>
  );
}

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

/** A labelled text input with its hint and error. */
function TextField(props: {
  readonly name: keyof BoardFormValues;
  readonly label: string;
  readonly hint: string;
  readonly value: string;
  readonly error?: string;
  readonly type?: string;
  readonly required?: boolean;
  readonly maxLength: number;
  readonly autoComplete?: string;
}) {
  const hintId = `${props.name}-hint`;
  const errorId = `${props.name}-error`;
  return (
    <div className="field">
      <label htmlFor={props.name}>
        {props.label}
        {props.required ? <span className="required">（必填）</span> : null}
      </label>
      <p className="hint" id={hintId}>
        {props.hint}
      </p>
      {props.error ? (
        <p className="field-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.value}
        maxLength={props.maxLength}
        required={props.required}
        autoComplete={props.autoComplete}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${hintId} ${errorId}` : hintId}
      />
    </div>
  );
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
      <Crumbs agency={agency} current="我要留言" />
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
        <TextField
          name="title"
          label="标题"
          hint="用一句话概括您的问题，不超过 50 个字。"
          value={values.title}
          error={errors.title}
          required
          maxLength={50}
        />
        <div className="field">
          <label htmlFor="body">
            留言内容<span className="required">（必填）</span>
          </label>
          <p className="hint" id="body-hint">
            请写清楚您想咨询的事项或建议，不超过 2000 个字。请不要填写身份证号等个人敏感信息。
          </p>
          {errors.body ? (
            <p className="field-error" id="body-error">
              {errors.body}
            </p>
          ) : null}
          <textarea
            id="body"
            name="body"
            rows={8}
            maxLength={2000}
            required
            defaultValue={values.body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? "body-hint body-error" : "body-hint"}
          />
        </div>
        <TextField
          name="authorName"
          label="姓名或单位名称"
          hint="公开时只显示第一个字。"
          value={values.authorName}
          error={errors.authorName}
          required
          maxLength={50}
          autoComplete="name"
        />
        <TextField
          name="contactPhone"
          label="联系电话"
          hint="选填，便于我们与您联系，不会公开。"
          value={values.contactPhone}
          error={errors.contactPhone}
          type="tel"
          maxLength={30}
          autoComplete="tel"
        />
        <TextField
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

/** Props of the thank-you page. */
export interface BoardThanksPageProps extends PageFrame {
  readonly agency: Agency;
  readonly messageId: number;
  readonly receivedOn: string;
}

/** After a post: the message number and what happens next. */
export function BoardThanksPage({
  agency,
  messageId,
  receivedOn,
  textSize,
  returnPath,
}: BoardThanksPageProps) {
  return (
    <PageLayout title="留言已提交" textSize={textSize} returnPath={returnPath}>
      <Crumbs agency={agency} current="留言已提交" />
      <h1>留言已提交</h1>
      <div className="panel" role="status">
        <p className="summary">您的留言编号：{messageId}</p>
        <p>受理日期：{receivedOn}</p>
        <p>我们会尽快答复。您同意公开的留言，答复后会出现在留言列表中。</p>
      </div>
      <p>
        <a href={boardPath(agency.id)}>返回留言列表</a>
      </p>
    </PageLayout>
  );
}
