import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Services talk only through topics whose schemas live in schemas/. So a file under
 * services/<a>/ or connectors/<a>/ may import its own folder, services/platform (the one shared
 * runtime) and schemas/, and nothing of another service or connector. Connectors may also import
 * connectors/sdk (their shared SDK; services may not), and connectors/intake, the HTTP intake
 * process, bundles every connector through its `index.ts` (ADR 0007). infra/ (composition roots:
 * CLI, supervisor) may import any service's public entry.
 */
const root = path.resolve(__dirname, '..', '..');
const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : tsFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

/** `services/api/x.ts` → `services/api`; anything else → undefined. */
function unitOf(file: string): string | undefined {
  const [area, name] = path.relative(root, file).split(path.sep);
  return (area === 'services' || area === 'connectors') && name ? `${area}/${name}` : undefined;
}

function relativeImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter((x) => x.startsWith('.'));
}

function allowed(from: string | undefined, unit: string, target: string): boolean {
  if (unit === 'services/platform') return true;
  if (from?.startsWith('connectors/') && unit === 'connectors/sdk') return true;
  const entry = target === path.join(root, unit) || target === path.join(root, unit, 'index') || target === path.join(root, unit, 'index.ts');
  return from === 'connectors/intake' && unit.startsWith('connectors/') && entry;
}

function boundaryViolations(): string[] {
  const violations: string[] = [];
  for (const area of ['services', 'connectors']) {
    for (const file of tsFiles(path.join(root, area))) {
      if (file.endsWith('.test.ts')) continue;
      const own = unitOf(file);
      for (const spec of relativeImports(file)) {
        const target = path.resolve(path.dirname(file), spec);
        const unit = unitOf(target);
        if (unit && unit !== own && !allowed(own, unit, target)) violations.push(`${path.relative(root, file)} imports ${spec}`);
      }
    }
  }
  return violations;
}

describe('service boundaries', () => {
  it('Given the api composition root, When its imports are read, Then the scanner sees its platform imports (the check is not vacuous)', () => {
    const units = relativeImports(path.join(root, 'services/api/main.ts')).map((s) => unitOf(path.resolve(root, 'services/api', s)));
    expect(units).toContain('services/platform');
  });

  it('Given every service and connector, When their imports are read, Then none reaches into another one', () => {
    expect(boundaryViolations()).toEqual([]);
  });
});
