#!/usr/bin/env node
// The built CLI (npm run build → out/main/cli.js). From a checkout without a build,
// `npm run cli -- …` runs the same entry from source.
import { existsSync } from 'node:fs';
import module from 'node:module';

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    "nexus-billing is not built yet: run 'npm run build' (or use 'npm run cli -- …').\n",
  );
  process.exit(1);
}
// Node 22 keeps the compiled modules on disk between runs (a command's start is mostly
// loading the CLI); older versions have no such cache.
module.enableCompileCache?.();
await import(entry.href);
