import { Writable } from 'node:stream';
import { createLogger } from './create-logger';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _enc, cb) { chunks.push(String(chunk)); cb(); } });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('Given personal fields at any of three levels, When logged, Then they are redacted and ids survive', () => {
    const out = capture();
    const log = createLogger({ service: 'test', destination: out.stream });
    log.info({ eventId: 'e-1', run: '12.345.678-5', person: { givenNames: 'Ana' }, msg: { inner: { phone: '+56 9' } } }, 'observed');
    const [line] = out.lines();
    const text = JSON.stringify(line);
    expect(line).toMatchObject({ service: 'test', eventId: 'e-1', run: '[redacted]', person: '[redacted]' });
    expect(text).not.toContain('12.345.678-5');
    expect(text).not.toContain('Ana');
    expect(text).not.toContain('+56 9');
  });

  it('Given a secret, When logged, Then it is redacted', () => {
    const out = capture();
    const log = createLogger({ service: 'test', destination: out.stream });
    log.child({ component: 'db' }).warn({ databaseUrl: 'postgres://u:pw@h/db', authorization: 'Bearer x' }, 'connect');
    const text = JSON.stringify(out.lines()[0]);
    expect(text).not.toContain('pw@');
    expect(text).not.toContain('Bearer x');
    expect(text).toContain('"component":"db"');
  });
});
