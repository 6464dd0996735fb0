/**
 * The frame of an agency's 政府信息公开 column: breadcrumb, the agency's name as the page heading's context,
 * and the navigation between the four first-level columns (the current one marked for screen readers).
 */
import type { ReactNode } from "react";
import { type PageFrame, PageLayout } from "./page-layout.tsx";

/** The path of an agency's 政府信息公开 column, or of one of its first-level columns. */
export function disclosurePath(agencyId: number, column?: string): string {
  return `/agencies/${agencyId}/disclosure${column ? `/${column}` : ""}`;
}

/** The four first-level columns (国办公开办函〔2019〕61号): path segment and title. */
export const DISCLOSURE_COLUMNS = [
  { segment: "guide", title: "政府信息公开指南" },
  { segment: "rules", title: "政府信息公开制度" },
  { segment: "proactive", title: "法定主动公开内容" },
  { segment: "annual-reports", title: "政府信息公开年报" },
] as const;

/** A column's path segment. */
export type DisclosureColumn = (typeof DISCLOSURE_COLUMNS)[number]["segment"];

/** What the frame shows of the agency (the kit knows no module: the page hands these over). */
export interface FrameAgency {
  readonly id: number;
  readonly name: string;
}

/** Props of the column frame. */
export interface DisclosureFrameProps extends PageFrame {
  readonly agency: FrameAgency;
  /** The column shown, or undefined on the column's front page. */
  readonly column?: DisclosureColumn;
  /** The page's h1. */
  readonly heading: string;
  readonly children: ReactNode;
}

/** The page frame of a column page. */
export function DisclosureFrame({
  agency,
  column,
  heading,
  children,
  textSize,
  returnPath,
}: DisclosureFrameProps) {
  const current = DISCLOSURE_COLUMNS.find((c) => c.segment === column);
  return (
    <PageLayout title={heading} textSize={textSize} returnPath={returnPath}>
      <nav className="breadcrumb" aria-label="当前位置">
        <ol>
          <li>
            <a href="/">首页</a>
          </li>
          <li>
            {current ? (
              <a href={disclosurePath(agency.id)}>{agency.name}政府信息公开</a>
            ) : (
              <span aria-current="page">{agency.name}政府信息公开</span>
            )}
          </li>
          {current ? (
            <li>
              <span aria-current="page">{current.title}</span>
            </li>
          ) : null}
        </ol>
      </nav>
      <h1>{heading}</h1>
      <nav className="column-nav" aria-label="政府信息公开栏目">
        <ul>
          {DISCLOSURE_COLUMNS.map((c) => (
            <li key={c.segment}>
              <a
                href={disclosurePath(agency.id, c.segment)}
                aria-current={c.segment === column ? "page" : undefined}
              >
                {c.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </PageLayout>
  );
}
