/**
 * The public pages of an agency's message board (政务咨询 / 建议, the online consultation channel W-6 asks
 * for): the list of published replies, one message with its reply, the form, and the thank-you page. Server-
 * rendered, usable with JavaScript off and by keyboard; the author's name is masked, contacts never shown.
 */
import type { Agency } from "../agencies/agency.repository.ts";
import { type PageFrame, PageLayout } from "../web/page-layout.tsx";
import type { PublicMessage } from "./message.presenter.ts";

/** The board's path of an agency (and of one message). */
export function boardPath(agencyId: number, rest = ""): string {
  return `/agencies/${agencyId}/messages${rest}`;
}

/** The breadcrumb of the board pages. */
export function BoardCrumbs({ agency, current }: { readonly agency: Agency; readonly current?: string }) {
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
      <BoardCrumbs agency={agency} />
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
      <BoardCrumbs agency={agency} current="留言详情" />
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
      <BoardCrumbs agency={agency} current="留言已提交" />
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
