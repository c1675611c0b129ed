import { createTranslator, type Catalogue, type Lang } from '../../services/platform/i18n/i18n';
import { describeProgress, describeStackError, seconds } from './commands';
import { stackMessages } from './messages';
import { stackOptionsFromFlags } from './cli-options';
import { StackError, type StackErrorCode } from './errors';
import type { StackProgress } from './progress';

function ctx(lang: Lang) {
  const tr = createTranslator(lang, stackMessages.es as Catalogue, stackMessages.en as Catalogue);
  return { lang, t: tr.t };
}

const ALL_CODES: StackErrorCode[] = ['bad-option', 'postgres-unreachable', 'maven-missing', 'download-failed', 'jar-incomplete', 'java-missing', 'port-busy', 'other-ports', 'format-failed', 'process-died', 'not-ready', 'locked'];
const PRINTED: StackProgress[] = [
  { kind: 'already-running', component: 'kafka', address: '127.0.0.1:9092' },
  { kind: 'downloading', component: 'registry', version: '3.3.3', cacheDir: '/c' },
  { kind: 'downloaded', component: 'kafka', ms: 61_250 },
  { kind: 'formatting', component: 'kafka', dataDir: '/h/kafka/data' },
  { kind: 'starting', component: 'kafka', pid: 42, log: '/h/logs/kafka.log' },
  { kind: 'ready', component: 'registry', address: 'http://127.0.0.1:8081/apis/ccompat/v7', ms: 9_500 },
  { kind: 'stale-pid', component: 'registry', pid: 7 },
  { kind: 'stopping', component: 'kafka', pid: 42 },
  { kind: 'stopped', component: 'kafka', pid: 42 },
  { kind: 'killed', component: 'kafka', pid: 42 },
];

describe('stack message catalogue', () => {
  it('Given both catalogues, When compared, Then every Spanish key has an English translation and vice versa', () => {
    expect(Object.keys(stackMessages.en).sort()).toEqual(Object.keys(stackMessages.es).sort());
  });

  it.each(['es', 'en'] as const)('Given language %s, When every printed progress event is described, Then no placeholder or key is left raw', (lang) => {
    for (const p of PRINTED) {
      const line = describeProgress(p, ctx(lang));
      expect(line).toBeDefined();
      expect(line).not.toMatch(/\{\w+\}|stack\.progress/);
    }
  });

  it('Given a ready event, When described in Spanish and English, Then seconds use the reader\'s decimal mark', () => {
    expect(describeProgress({ kind: 'ready', component: 'kafka', address: '127.0.0.1:9092', ms: 5_730 }, ctx('es'))).toBe('kafka: listo en 127.0.0.1:9092 (5,7 s)');
    expect(seconds(5_730, { lang: 'en' })).toBe('5.7');
    expect(describeProgress({ kind: 'checking', component: 'postgres' }, ctx('es'))).toBeUndefined();
  });

  it('Given each error code, When described, Then there is a translated message (Spanish first) and the log tail follows', () => {
    for (const code of ALL_CODES) {
      expect(Object.keys(stackMessages.es)).toContain(`stack.error.${code}`);
    }
    const err = new StackError('process-died', 'x', { component: 'kafka', pid: 9, log: '/h/logs/kafka.log' }, 'line 1\nline 2');
    expect(describeStackError(err, ctx('es'))).toEqual(['kafka (pid 9) terminó durante el arranque. Últimas líneas de /h/logs/kafka.log:', '  | line 1', '  | line 2']);
  });

  it('Given PostgreSQL does not answer, When described, Then Spanish instructions name apt-get, pg_ctlcluster, docker and DATABASE_URL', () => {
    const [text] = describeStackError(new StackError('postgres-unreachable', 'x', { url: 'postgres://postgres@127.0.0.1:5432/test', detail: 'ECONNREFUSED' }), ctx('es'));
    expect(text).toMatch(/^PostgreSQL no responde en postgres:\/\/postgres@127\.0\.0\.1:5432\/test \(ECONNREFUSED\)/);
    for (const hint of ['apt-get install postgresql', 'pg_ctlcluster 15 main start', 'docker run', 'POSTGRES_HOST_AUTH_METHOD=trust', 'export DATABASE_URL=']) expect(text).toContain(hint);
  });
});

describe('stack CLI flags', () => {
  it('Given port and home flags, When parsed, Then they become stack options', () => {
    expect(stackOptionsFromFlags({ home: '/tmp/h', 'kafka-port': '19092', 'registry-port': '18081' })).toEqual({ home: '/tmp/h', kafkaPort: 19092, registryPort: 18081 });
    expect(stackOptionsFromFlags({ json: true })).toEqual({});
  });

  it.each<Record<string, string | boolean>>([{ 'kafka-port': 'x' }, { 'controller-port': true }, { 'registry-port': '0' }])('Given the bad flag %j, When parsed, Then a bad-option error names it', (flags) => {
    expect(() => stackOptionsFromFlags(flags)).toThrow(StackError);
  });
});
