import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findRepoRoot } from '../platform/paths';
import type { ConsoleAssets } from './http/console.controller';

/** Reads the console's static files from services/lag/web/ (the same path from sources and from dist/). */
export function loadConsoleAssets(root: string = findRepoRoot()): ConsoleAssets {
  const dir = path.join(root, 'services', 'lag', 'web');
  const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  return { html: read('index.html'), js: read('console.js'), css: read('console.css') };
}
