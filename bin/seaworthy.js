#!/usr/bin/env node
// Entry for `npx seaworthy`: loads the TypeScript CLI through tsx (a dependency of the project).
import { register } from "tsx/esm/api";

register();
await import("./seaworthy-cli.ts");
