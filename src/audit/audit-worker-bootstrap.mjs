// The entry of an audit worker thread, in plain JavaScript so that it starts in any runtime: when the
// worker's module is TypeScript (the sources run through tsx, and under Vitest), tsx is registered in this
// thread first; a compiled .js module is imported as it is.
import { workerData } from "node:worker_threads";

const entry = workerData?.entry;
if (typeof entry !== "string") throw new Error("audit worker started without an entry module");
if (/\.[cm]?tsx?$/.test(new URL(entry).pathname)) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(entry);
