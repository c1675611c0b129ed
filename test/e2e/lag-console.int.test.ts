import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createKafkaFixture, type KafkaFixture } from '../harness/kafka-fixture';
import { uniqueId } from '../harness/test-env';
import { committedReaches, produce, startConsumer, type TestConsumer } from '../../services/lag/testing/consumers';

const root = path.resolve(__dirname, '..', '..');
const SCREENSHOT = path.join(root, 'test', '.reports', 'lag-console.png');

/** Starts the real `lag` process (its composition root) and resolves with its URL once it listens. */
function startLagProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'services/lag/main.ts')], {
      cwd: root, env: { ...process.env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.json'), ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`lag did not start: ${out.slice(-2000)}`)), 90000);
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /"port":(\d+)[^\n]*lag monitor listening/.exec(out);
      if (m) { clearTimeout(timer); resolve({ child, url: `http://127.0.0.1:${m[1]}` }); }
    });
    child.stderr!.on('data', (d) => { out += String(d); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`lag exited ${code}: ${out.slice(-2000)}`)); });
  });
}

/**
 * What an operator sees: the real lag process over real consumer groups, in headless Chromium.
 * One municipal delivery group is stopped with a backlog (ERR/STOP), a case-status group is up
 * to date (OK); the page must show both at a glance, chart their lag and drill down to partitions,
 * update live, and speak Spanish first.
 */
describe('operators console (browser)', () => {
  let fx: KafkaFixture;
  let lag: { child: ChildProcess; url: string };
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const prefix = process.env.HUB_TOPIC_PREFIX ?? '';
  const run = uniqueId('ui');
  const delivery = `${prefix}hub.deliveries.${run}-13101`;
  const caseStatus = `${prefix}hub.case-status.${run}`;
  const consumers: TestConsumer[] = [];
  let deliveryTopic: string;

  beforeAll(async () => {
    fx = await createKafkaFixture();
    deliveryTopic = await fx.topic('lag-ui-delivery');
    const caseTopic = await fx.topic('lag-ui-case');
    await produce(fx.producer, deliveryTopic, 10, 'd');
    await produce(fx.producer, caseTopic, 12, 'c');
    const stopped = await startConsumer(fx.kafka, delivery, deliveryTopic);
    consumers.push(await startConsumer(fx.kafka, caseStatus, caseTopic));
    await Promise.all([committedReaches(fx.admin, delivery, deliveryTopic, 10), committedReaches(fx.admin, caseStatus, caseTopic, 12)]);
    await stopped.stop();
    await produce(fx.producer, deliveryTopic, 15, 'late');

    const escaped = `${prefix}hub.`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    lag = await startLagProcess({
      HTTP_PORT: '0', LOG_LEVEL: 'info', HUB_TOPIC_PREFIX: prefix, LAG_SAMPLE_INTERVAL_MS: '500', LAG_MIN_DISTANCE_MS: '100',
      // Only this test's groups: other tests create groups in the same cluster concurrently.
      LAG_GROUPS_EXCLUDE: `^(?!${escaped}[a-z-]+\\.${run})`,
    });
    profile = mkdtempSync(path.join(tmpdir(), 'hub-lag-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 1000 },
      locale: 'es-CL',
    });
    page = context.pages()[0] ?? await context.newPage();
  });

  /** Polls the page (no fixed sleeps): the console refreshes every 2 s. */
  async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(200);
    }
  }

  async function pointsOf(selector: string): Promise<number> {
    const points = await page.locator(selector).first().getAttribute('points', { timeout: 1000 }).catch(() => null);
    return points ? points.trim().split(/\s+/).length : 0;
  }

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (profile) rmSync(profile, { recursive: true, force: true });
    lag?.child.kill('SIGTERM');
    await Promise.allSettled(consumers.map((c) => c.stop()));
    await fx.admin.deleteGroups([delivery, caseStatus]).catch(() => undefined);
    await fx.close();
  });

  it('Given a stopped delivery group and an up-to-date one, When an operator opens the console, Then both show at a glance in Spanish with their status and a lag chart', async () => {
    await page.goto(`${lag.url}/`);
    await page.waitForURL(/\/console/);
    expect(await page.locator('h1').textContent()).toBe('Consola de operaciones · rezago de consumidores');
    const stoppedCard = page.locator(`.group[data-group="${delivery}"]`);
    const okCard = page.locator(`.group[data-group="${caseStatus}"]`);
    await stoppedCard.waitFor({ timeout: 60000 });
    await okCard.waitFor({ timeout: 60000 });
    await page.locator(`.group[data-group="${delivery}"][data-status="ERR"]`).waitFor({ timeout: 60000 });
    expect(await okCard.getAttribute('data-status')).toBe('OK');
    expect(await stoppedCard.textContent()).toContain('ERR · Error');
    expect(await stoppedCard.textContent()).toContain('servicio deliveries');
    expect(await stoppedCard.textContent()).toContain('rezago 15');
    expect(await okCard.textContent()).toContain('OK · Al día');
    // Errors sort first, so the operator sees the stopped delivery before the healthy group.
    expect(await page.locator('.group').first().getAttribute('data-group')).toBe(delivery);
    expect(await page.locator('#summary').textContent()).toMatch(/Al día: 1.*Error: 1/);
    // Each card charts its lag once the history has two points.
    await until(async () => (await pointsOf(`.group[data-group="${delivery}"] svg.spark polyline`)) >= 2, 'a sparkline with 2 points');
  });

  it('Given the console, When the operator opens the stopped group, Then the partitions show STOP with lag = log-end − committed, and a chart', async () => {
    await page.locator(`.group[data-group="${delivery}"]`).click();
    const row = page.locator(`#partitions tr[data-topic="${deliveryTopic}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('STOP');
    const cells = await row.locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual([deliveryTopic, '0', '10', '25', '15']);
    expect(await row.locator('td.status .badge').textContent()).toBe('STOP · Detenido');
    expect(await row.locator('td.status .reason').textContent()).toBe('ningún consumidor vivo tiene la partición');
    expect(await page.locator('#detail-meta').textContent()).toContain('vacío (sin consumidores)');
    await until(async () => (await pointsOf('#detail-chart svg.chart polyline')) >= 3, 'a chart with 3 points');
  });

  it('Given the open console, When more records reach the stopped group, Then the lag and its chart update live without a reload (screenshot kept)', async () => {
    const lagCell = page.locator(`#partitions tr[data-topic="${deliveryTopic}"] td.lag`);
    await produce(fx.producer, deliveryTopic, 5, 'later');
    await until(async () => (await lagCell.textContent()) === '20', 'lag 20');
    expect(await lagCell.textContent()).toBe('20');
    // A second step, so the chart the screenshot keeps shows the backlog growing.
    await produce(fx.producer, deliveryTopic, 10, 'latest');
    await until(async () => (await lagCell.textContent()) === '30', 'lag 30');
    await page.waitForTimeout(1500);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
  });

  it('Given the console in Spanish, When the operator switches to English, Then headings and statuses are in English', async () => {
    await page.locator('.lang button[data-lang="en"]').click();
    expect(await page.locator('h1').textContent()).toBe("Operators' console · consumer lag");
    expect(await page.locator(`#partitions tr[data-topic="${deliveryTopic}"] td.status .badge`).textContent()).toBe('STOP · Stopped');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('Given the running lag service, When its JSON API and /metrics are read, Then they carry the same lag, Spanish errors, and documented metric names', async () => {
    const rows = await (await fetch(`${lag.url}/v1/lag/rows`)).json() as { group: string; lag: number; logEndOffset: number; committedOffset: number; status: string }[];
    const row = rows.find((r) => r.group === delivery)!;
    expect(row).toMatchObject({ committedOffset: 10, logEndOffset: 40, lag: 30, status: 'STOP' });
    const missing = await fetch(`${lag.url}/v1/lag/groups/${encodeURIComponent('no.such.group')}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toContain('No existe el grupo de consumidores');
    const metrics = await (await fetch(`${lag.url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith('hub_lag_partition_lag_messages{') && l.includes(`group="${delivery}"`));
    expect(line).toMatch(/hub_service="deliveries"/);
    expect(line).toMatch(/ 30$/);
    expect(metrics).toMatch(new RegExp(`hub_lag_group_status_code\\{group="${delivery.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}",hub_service="deliveries",service="lag"\\} 2`));
  });

  it('Given the running lag service, When `hub lag` runs without --direct, Then it reports what the service sees and says so', async () => {
    const port = new URL(lag.url).port;
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'infra/cli/hub.js'), 'lag', '--group', delivery], { cwd: root, env: { ...process.env, HUB_LAG_PORT: port, HUB_LANG: '' } });
      let text = '';
      child.stdout.on('data', (d) => { text += String(d); });
      child.on('exit', () => resolve(text));
    });
    expect(out).toContain(`Según el servicio lag (http://127.0.0.1:${port}/v1/lag)`);
    expect(out).toContain(delivery);
    expect(out).toContain('STOP · detenido');
  });
});
