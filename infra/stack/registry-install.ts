import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ResolvedStackOptions } from './options';
import { APICURIO_VERSION, DEPENDENCY_PLUGIN } from './versions';
import { run } from './exec';
import { lastLines } from './process';
import { StackError } from './errors';

export const APICURIO_ARTIFACT = `io.apicurio:apicurio-registry-app:${APICURIO_VERSION}:tar.gz:all`;

export function registryCacheDir(cacheDir: string): string {
  return path.join(cacheDir, `apicurio-registry-${APICURIO_VERSION}`);
}

/**
 * Makes sure the Apicurio Registry runnable (a Quarkus fast-jar, published on Maven Central as a
 * `tar.gz` with classifier `all`) is extracted in the cache, and returns its `quarkus-run.jar`.
 * Like the Kafka jars, a half-finished extraction (no `.complete` marker) is redone.
 */
export async function ensureRegistryApp(opts: ResolvedStackOptions): Promise<string> {
  const base = registryCacheDir(opts.cacheDir);
  const app = path.join(base, 'app');
  const marker = path.join(base, '.complete');
  if (fs.existsSync(marker)) {
    const jar = findFile(app, 'quarkus-run.jar', 4);
    if (jar) return jar;
  }

  const started = Date.now();
  opts.onProgress({ kind: 'downloading', component: 'registry', version: APICURIO_VERSION, cacheDir: base });
  fs.rmSync(marker, { force: true });
  fs.rmSync(app, { recursive: true, force: true });
  const download = path.join(base, 'download');
  const partial = `${app}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(download, { recursive: true });
  fs.mkdirSync(partial, { recursive: true });

  // No project is needed for dependency:copy; running in the cache dir keeps the repo's poms out of it.
  const fetched = await run('mvn', ['-q', '-B', `-Dartifact=${APICURIO_ARTIFACT}`, `-DoutputDirectory=${download}`, `${DEPENDENCY_PLUGIN}:copy`], { cwd: base });
  if (fetched.spawnError) throw new StackError('maven-missing', 'mvn is not installed or not on PATH', { component: 'registry' });
  if (fetched.code !== 0) {
    throw new StackError('download-failed', `mvn dependency:copy ${APICURIO_ARTIFACT} failed (exit ${fetched.code})`, { component: 'registry', version: APICURIO_VERSION }, lastLines(fetched.output, 30));
  }
  const tarball = path.join(download, `apicurio-registry-app-${APICURIO_VERSION}-all.tar.gz`);
  const extracted = await run('tar', ['-xzf', tarball, '-C', partial]);
  if (extracted.code !== 0) {
    throw new StackError('download-failed', `could not extract ${tarball}`, { component: 'registry', version: APICURIO_VERSION }, lastLines(extracted.output, 30));
  }
  // The archive layout changed between 3.x releases (`quarkus-app/` top folder or none), so search.
  if (!findFile(partial, 'quarkus-run.jar', 4)) {
    throw new StackError('jar-incomplete', `no quarkus-run.jar in ${tarball}`, { jar: tarball, entry: 'quarkus-run.jar' });
  }
  fs.renameSync(partial, app);
  // The tarball is also in ~/.m2; keeping a third copy (159 MB) here would only waste disk.
  fs.rmSync(download, { recursive: true, force: true });
  fs.writeFileSync(marker, `apicurio-registry ${APICURIO_VERSION} extracted ${new Date().toISOString()}\n`);
  opts.onProgress({ kind: 'downloaded', component: 'registry', ms: Date.now() - started });
  return findFile(app, 'quarkus-run.jar', 4)!;
}

/** Breadth-first search for a file name, at most `depth` folders down. */
export function findFile(dir: string, name: string, depth: number): string | undefined {
  let level = [dir];
  for (let d = 0; d <= depth && level.length > 0; d++) {
    const next: string[] = [];
    for (const current of level) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(current, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isFile() && e.name === name) return path.join(current, e.name);
        if (e.isDirectory()) next.push(path.join(current, e.name));
      }
    }
    level = next.sort();
  }
  return undefined;
}
