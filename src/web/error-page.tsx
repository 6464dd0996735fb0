/**
 * The HTML error page: the same Chinese message as the JSON error answer, and a way back.
 */
import type { ErrorBody } from "../core/domain-error.ts";
import { type PageFrame, PageLayout } from "./page-layout.tsx";

/** Props of the error page. */
export interface ErrorPageProps extends PageFrame {
  readonly status: number;
  readonly error: ErrorBody;
}

/** A page that shows one error (status, message, code) and links to the home page. */
export function ErrorPage({ status, error, textSize, returnPath }: ErrorPageProps) {
  return (
    <PageLayout title="出错了" textSize={textSize} returnPath={returnPath}>
      <h1>出错了</h1>
      <div className="alert" role="alert">
        <p>{error.message}</p>
      </div>
      <p className="hint">
        状态码 {status}，错误代码 {error.code}
      </p>
      <p>
        <a href="/">返回首页</a>
      </p>
    </PageLayout>
  );
}
