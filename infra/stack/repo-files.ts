import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Absolute path of a file shipped in the repository (e.g. `infra/kafka/pom.xml`). Walks up from
 * this module, so it works both from the TypeScript sources and from the compiled `dist/` tree.
 */
export function repoFile(relative: string): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${relative} not found above ${__dirname}`);
    dir = parent;
  }
}
