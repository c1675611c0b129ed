/**
 * `/v1/docs`: a small Spanish HTML page for institutions' developers, rendered from the OpenAPI
 * document (so it lists exactly the routes and fields the intake validates). No scripts, no
 * external assets: it works offline and behind strict proxies.
 */
type Json = Record<string, unknown>;

export function renderDocsPage(doc: Json): string {
  const info = doc.info as { title: string; description: string };
  const schemas = ((doc.components as Json).schemas ?? {}) as Record<string, Json>;
  const sections: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, { post: Json }>)) {
    const op = item.post;
    const ref = ((((op.requestBody as Json).content as Json)['application/json'] as Json).schema as { $ref: string }).$ref;
    const schema = schemas[ref.split('/').pop()!] ?? {};
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const rows = Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([field, p]) =>
      `<tr><td><code>${esc(field)}</code>${required.has(field) ? ' <strong>(obligatorio)</strong>' : ''}</td><td>${esc(String(p.description ?? ''))}</td><td>${esc(((p.examples as unknown[] | undefined) ?? []).map(String).join(', '))}</td></tr>`);
    sections.push(`<section><h2><code>POST ${esc(path)}</code></h2><p>${esc(String(op.summary ?? ''))}</p>${rows.length > 0
      ? `<table><thead><tr><th>Campo</th><th>Descripción</th><th>Ejemplo</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>Cuerpo: un Bundle FHIR R4.</p>'}</section>`);
  }
  return `<!doctype html><html lang="es-CL"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.45}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}code{background:#f4f4f4;padding:0 .2rem}</style>
</head><body><h1>${esc(info.title)}</h1>${info.description.split('\n\n').map((p) => `<p>${esc(p)}</p>`).join('')}
<p>Especificación completa (OpenAPI 3.1): <a href="/v1/openapi.json">/v1/openapi.json</a></p>
${sections.join('\n')}</body></html>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
