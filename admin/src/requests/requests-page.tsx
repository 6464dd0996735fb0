/**
 * The 依申请公开 section: /requests is the worklist, /requests/:id a case.
 */
import "./requests-styles.css";
import type { ReactNode } from "react";
import { usePath } from "../navigation/navigation.ts";
import { RequestCasePage } from "./request-case-page.tsx";
import { WorklistPage } from "./worklist-page.tsx";

/** The worklist or, for /requests/:id, the case. */
export function RequestsPage(): ReactNode {
  const path = usePath();
  const match = /^\/requests\/(\d+)$/.exec(path);
  if (match) return <RequestCasePage key={match[1]} id={Number(match[1])} />;
  return <WorklistPage />;
}
