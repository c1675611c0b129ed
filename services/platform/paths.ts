import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository (or image) root: the nearest folder above `from` with a package.json.
 * Code reads .sql migrations and .avsc files from there, whether it runs from sources or dist/.
 */
export function findRepoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schemas'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${from}`);
    dir = parent;
  }
}
