/**
 * The 网民留言 section: /messages is the worklist, /messages/:id one message.
 */
import "../publications/publications-styles.css";
import type { ReactNode } from "react";
import { usePath } from "../navigation/navigation.ts";
import { MessageListPage } from "./message-list-page.tsx";
import { MessagePage } from "./message-page.tsx";

/** The worklist or, for /messages/:id, the message. */
export function MessagesPage(): ReactNode {
  const path = usePath();
  const match = /^\/messages\/(\d+)$/.exec(path);
  if (match) return <MessagePage key={match[1]} id={Number(match[1])} />;
  return <MessageListPage />;
}
