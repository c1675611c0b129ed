#!/usr/bin/env node
// The README's test command (`npm test`). Runs the static checks (types, lint) and every jest
// test (unit, then integration against real Kafka, registry and PostgreSQL), then prints one last
// line, `N passed, N failed`, which CI reads (jest's own summary is not read by CI).
// Each static check counts as one test in that line.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const reportDir = path.join(root, 'test', '.reports');
fs.mkdirSync(reportDir, { recursive: true });
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
let passed = 0;
let failed = 0;

function step(name, args) {
  process.stdout.write(`\n▶ ${name}\n`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  process.stdout.write(`${ok ? '✓' : '✗'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return ok;
}

for (const [name, args] of [
  ['typecheck (tsc --noEmit)', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']],
  ['lint (eslint)', [bin('eslint', 'bin/eslint.js'), '.']],
]) {
  if (step(name, args)) passed++; else failed++;
}

const report = path.join(reportDir, 'jest.json');
fs.rmSync(report, { force: true });
const extra = process.argv.slice(2);
step('jest (unit + integration)', [bin('jest', 'bin/jest.js'), '--json', `--outputFile=${report}`, ...extra]);
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that fails to load (or a failed global setup) has no failed test; count it anyway.
  failed += r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
  if (r.numTotalTests === 0) failed++;
} else {
  failed++;
}
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
