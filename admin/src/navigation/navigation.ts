/**
 * Client-side navigation inside /admin/: the current path (without the /admin prefix) as a React hook, and
 * navigate() to change it with the History API. The server answers index.html for every /admin/ path.
 */
import { useSyncExternalStore } from "react";

/** Where the shell is served. */
export const ADMIN_BASE = "/admin";

const listeners = new Set<() => void>();

/** The shell path of the current location, e.g. "/users" ("/" for the shell's root). */
function currentPath(): string {
  const path = window.location.pathname;
  const inside = path.startsWith(ADMIN_BASE) ? path.slice(ADMIN_BASE.length) : path;
  return inside === "" ? "/" : inside;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

/** The current shell path; re-renders when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

/** Go to a shell path ("/users"); `replace` does not add a history entry. */
export function navigate(path: string, options: { readonly replace?: boolean } = {}): void {
  const url = `${ADMIN_BASE}${path}`;
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  for (const listener of listeners) listener();
}
