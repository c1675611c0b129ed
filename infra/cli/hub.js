#!/usr/bin/env node
// Entry point of the `hub` command (package.json "bin").
// In development (a fresh clone after `npm ci`) the TypeScript sources run directly through
// @swc-node/register, so there is no build step to forget. A production image sets
// NODE_ENV=production after `npm run build` and runs the compiled JavaScript instead.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..', '..');
const compiled = path.join(root, 'dist', 'infra', 'cli', 'main.js');
if (process.env.NODE_ENV === 'production' && fs.existsSync(compiled)) {
  require(compiled);
} else {
  process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.json');
  require('@swc-node/register');
  require(path.join(root, 'infra', 'cli', 'main.ts'));
}
