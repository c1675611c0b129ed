import { INTAKE_CONNECTORS } from './connectors';
import { renderDocsPage } from './http/docs-page';
import { buildOpenApi } from './openapi';
import { intakeRoutes } from './routes';

/** A JSON document read loosely: every property is again a node (tests only read it). */
interface Json { readonly [k: string]: Json }

describe('OpenAPI document', () => {
  const routes = intakeRoutes(INTAKE_CONNECTORS, { fhir: true });
  const doc = buildOpenApi(routes, { bodyLimitBytes: 256 * 1024 }) as unknown as Json;

  /** Follows a local `$ref` (`#/components/...`). */
  const deref = (node: Json): Json => {
    const ref = node.$ref as unknown;
    if (typeof ref !== 'string') return node;
    return ref.slice(2).split('/').reduce((n: Json, k: string) => n[k]!, doc);
  };

  it('Given the routes, When the document is built, Then it is OpenAPI 3.1 with a bearer scheme and one POST per route', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components!.securitySchemes!.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(doc.paths!).sort()).toEqual(routes.map((r) => r.path).sort());
    for (const path of Object.keys(doc.paths!)) expect(doc.paths![path]!.post!.security).toEqual([{ bearer: [] }]);
  });

  it('Given any route, When its responses are read, Then 202, 200, 400, 401, 403, 413, 415, 422 and 503 are documented and every reference resolves', () => {
    for (const [path, item] of Object.entries(doc.paths!)) {
      const responses = item.post!.responses!;
      expect({ path, codes: Object.keys(responses).sort() }).toEqual({ path, codes: ['200', '202', '400', '401', '403', '413', '415', '422', '503'] });
      for (const r of Object.values(responses)) {
        const resolved = deref(r);
        expect(resolved.description).toEqual(expect.any(String));
        expect(deref(resolved.content!['application/json']!.schema!).type).toBe('object');
      }
      expect(deref(item.post!.requestBody!.content!['application/json']!.schema!).type).toBe('object');
      for (const p of Object.values(item.post!.parameters!)) expect(deref(p).in).toBe('header');
    }
  });

  it('Given the court order route, When its body schema is read, Then it lists the Spanish fields with descriptions, examples and the required ones', () => {
    const body = doc.paths!['/v1/tribunals/orders']!.post!.requestBody!.content!['application/json']!;
    const schema = deref(body.schema!);
    expect(schema.required).toEqual(expect.arrayContaining(['id_registro', 'cod_tribunal', 'rit', 'fecha_resolucion', 'id_nna']));
    expect(schema.required).not.toContain('run_nna');
    expect(schema.properties!.fecha_nacimiento).toMatchObject({ type: 'string', description: expect.stringContaining('DD-MM-AAAA') });
    expect(schema.properties!.rit!.examples).toEqual(['P-1234-2023']);
    expect(body.example).toMatchObject({ rit: 'P-1234-2023', cod_tribunal: '1301' });
  });

  it('Given the document, When rendered as the Spanish docs page, Then it lists every route and escapes text', () => {
    const html = renderDocsPage(doc as unknown as Record<string, unknown>);
    expect(html).toContain('<html lang="es-CL">');
    for (const r of routes) expect(html).toContain(`POST ${r.path}`);
    expect(html).toContain('<strong>(obligatorio)</strong>');
    expect(html).not.toMatch(/<script/i);
  });
});
