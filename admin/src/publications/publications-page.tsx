/**
 * The 主动公开 section: /publications is the catalog worklist, /publications/new a new item,
 * /publications/:id an item.
 */
import "./publications-styles.css";
import type { ReactNode } from "react";
import { usePath } from "../navigation/navigation.ts";
import { CatalogPage } from "./catalog-page.tsx";
import { NewPublicationPage } from "./new-publication-page.tsx";
import { PublicationPage } from "./publication-page.tsx";

/** The worklist, a new item or an item. */
export function PublicationsPage(): ReactNode {
  const path = usePath();
  if (path === "/publications/new") return <NewPublicationPage />;
  const match = /^\/publications\/(\d+)$/.exec(path);
  if (match) return <PublicationPage key={match[1]} id={Number(match[1])} />;
  return <CatalogPage />;
}
