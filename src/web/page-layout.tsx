/**
 * The frame of every public page: document head, skip link, header with the 大字模式 switch, footer with
 * links to the home page and the 年报体检 tool.
 */
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { type TextSize, textSizeToggleHref } from "./text-size.ts";

/** What every page needs to be framed. */
export interface PageFrame {
  /** The text size to render with. */
  readonly textSize: TextSize;
  /** The path the 大字模式 switch returns to (a GET-able page). */
  readonly returnPath: string;
}

/** Props of the layout. */
export interface PageLayoutProps extends PageFrame {
  readonly title: string;
  readonly children: ReactNode;
}

/** The page frame around `children`, in Simplified Chinese, styled by /assets/site.css. */
export function PageLayout({ title, textSize, returnPath, children }: PageLayoutProps) {
  const large = textSize === "large";
  return (
    <html lang="zh-CN" className={large ? "large" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - 公开（Gongkai）`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <div className="bar">
            <a className="site-name" href="/">
              公开 · 政府信息公开工作平台
            </a>
            <a className="size-toggle" href={textSizeToggleHref(textSize, returnPath)}>
              {large ? "恢复标准字号" : "大字模式"}
            </a>
          </div>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <nav aria-label="网站导航">
            <ul className="footer-links">
              <li>
                <a href="/">首页</a>
              </li>
              <li>
                <a href="/tools/report-audit">年报体检工具</a>
              </li>
            </ul>
          </nav>
          <p>报告只在本服务器上离线核对，不会发送到任何其他地方。本平台为开源软件（MIT 许可）。</p>
        </footer>
      </body>
    </html>
  );
}

/** Render a whole page element to an HTML document string. */
export function renderPage(page: ReactNode): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(page)}`;
}
