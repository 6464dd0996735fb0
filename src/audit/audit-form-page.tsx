/**
 * GET /tools/report-audit — the 年报体检 page: what the audit does, and the form that submits a report to POST /audit.
 */
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";

/** File types the form accepts (the readers' formats). */
const ACCEPTED_FILES =
  ".html,.htm,.docx,.pdf,.xlsx,.txt,.md,text/html,text/plain,text/markdown,application/pdf";

/** Props of the form page; `error` is shown above the form after a failed submission. */
export interface AuditFormPageProps extends PageFrame {
  readonly error?: string;
  /** The text and date the user submitted, kept when the form is shown again. */
  readonly text?: string;
  readonly publishedOn?: string;
}

/** Title of the audit page. */
export const AUDIT_PAGE_TITLE = "政府信息公开工作年度报告体检";

/** The audit page with its upload form (multipart, works without JavaScript). */
export function AuditFormPage({ error, text, publishedOn, textSize, returnPath }: AuditFormPageProps) {
  return (
    <PageLayout title={AUDIT_PAGE_TITLE} textSize={textSize} returnPath={returnPath}>
      <h1>{AUDIT_PAGE_TITLE}</h1>
      <p className="lead">
        上传或粘贴一份政府信息公开工作年度报告，系统按国办公开办函〔2021〕30号格式重建表二、表三、表四，逐项核对勾稽关系、章节完整性和文字与表格是否一致，并指出每个问题所在的位置。核对完全在本服务器上离线进行，数字按原文精确计算、不作猜测，报告内容不会发送到任何其他地方。
      </p>
      {error ? (
        <div className="alert" role="alert" id="form-error">
          <p>{error}</p>
        </div>
      ) : null}
      <form
        className="panel"
        method="post"
        action="/audit"
        encType="multipart/form-data"
        aria-describedby={error ? "form-error" : undefined}
      >
        <h2>提交报告</h2>
        <fieldset>
          <legend>本年度报告（上传文件或粘贴文本，二选一）</legend>
          <div className="field">
            <label htmlFor="report">上传报告文件</label>
            <p className="hint" id="report-hint">
              支持 HTML、DOCX、PDF、XLSX、TXT、MD 格式，单个文件不超过 32 MB。
            </p>
            <input
              id="report"
              name="report"
              type="file"
              accept={ACCEPTED_FILES}
              aria-describedby="report-hint"
            />
          </div>
          <p className="or">或者</p>
          <div className="field">
            <label htmlFor="text">粘贴报告全文</label>
            <p className="hint" id="text-hint">
              从网页或文档中复制全文粘贴到这里。如同时上传了文件，以上传的文件为准。
            </p>
            <textarea
              id="text"
              name="text"
              rows={12}
              aria-describedby="text-hint"
              defaultValue={text ?? ""}
            />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="previous">上一年度报告（可选，用于跨年度核对）</label>
          <p className="hint" id="previous-hint">
            提供后将核对上年结转与结转下年度、现行有效件数等跨年度数字。
          </p>
          <input
            id="previous"
            name="previous"
            type="file"
            accept={ACCEPTED_FILES}
            aria-describedby="previous-hint"
          />
        </div>
        <div className="field">
          <label htmlFor="publishedOn">发布日期（可选）</label>
          <p className="hint" id="published-hint">
            用于核对是否在条例第四十九条规定的期限内发布，格式为 年-月-日。
          </p>
          <input
            id="publishedOn"
            name="publishedOn"
            type="date"
            aria-describedby="published-hint"
            defaultValue={publishedOn ?? ""}
          />
        </div>
        <button type="submit">开始体检</button>
      </form>
    </PageLayout>
  );
}
