/**
 * The document title of a back-office page, so each page is announced and tabs are told apart.
 */
import { useEffect } from "react";

/** Name of the back office, the suffix of every title. */
export const APP_NAME = "政府信息公开管理后台";

/** Set the document title to "title - 政府信息公开管理后台" while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} - ${APP_NAME}`;
  }, [title]);
}
