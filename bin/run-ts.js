#!/usr/bin/env node
// Runs a TypeScript file of this repository (benchmarks, scripts) through tsx.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

register();
// The script sees itself as the one node started (process.argv[1]), as when run by `npx tsx FILE`.
const script = resolve(process.argv[2] ?? "");
process.argv.splice(1, 2, script);
await import(pathToFileURL(script).href);
