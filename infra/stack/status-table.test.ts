import { renderStatusTable, statusJson } from './status-table';
import { serviceUrl } from './service-status';

const labels = { component: 'componente', state: 'estado', address: 'dirección', ok: 'ok', fail: 'FALLA' };

describe('hub status output', () => {
  const rows = [
    { name: 'kafka', ok: true, url: '127.0.0.1:9092' },
    { name: 'registry', ok: false, url: 'http://127.0.0.1:8081/apis/ccompat/v7', detail: 'ECONNREFUSED' },
    { name: 'postgres', ok: true, url: 'postgres://postgres@127.0.0.1:5432/test', detail: 'ignored when ok' },
  ];

  it('Given mixed states, When the table is rendered, Then columns align and failures show their reason', () => {
    expect(renderStatusTable(rows, labels)).toEqual([
      'componente  estado  dirección',
      'kafka       ok      127.0.0.1:9092',
      'registry    FALLA   http://127.0.0.1:8081/apis/ccompat/v7  (ECONNREFUSED)',
      'postgres    ok      postgres://postgres@127.0.0.1:5432/test',
    ]);
  });

  it('Given the same rows, When printed as JSON, Then it is one object with components in order', () => {
    const doc = JSON.parse(statusJson(rows)) as { components: { name: string; ok: boolean; url: string; detail?: string }[] };
    expect(doc.components.map((c) => c.name)).toEqual(['kafka', 'registry', 'postgres']);
    expect(doc.components[1]).toEqual({ name: 'registry', ok: false, url: 'http://127.0.0.1:8081/apis/ccompat/v7', detail: 'ECONNREFUSED' });
    expect(Object.keys(doc)).toEqual(['components']);
  });

  it('Given the api service and another one, When their URLs are built, Then only the api gets the /v1 base path', () => {
    expect(serviceUrl({ name: 'api', entry: '', port: 8080, description: '' }, 8080)).toBe('http://127.0.0.1:8080/v1');
    expect(serviceUrl({ name: 'court-connector', entry: '', port: 8090, description: '' }, 8091)).toBe('http://127.0.0.1:8091');
  });
});
