#!/usr/bin/env node
// Entry point of the gongkai CLI: loads the TypeScript sources through tsx.
import { register } from "tsx/esm/api";

// React and other libraries run their production builds unless told otherwise (the development build
// renders the public pages about 1.7 times slower).
process.env.NODE_ENV ??= "production";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
