import type { JsonValue } from './json';

/** Generated code aims at the width people read comfortably; longer single tokens stay on one line. */
const WIDTH = 100;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A string as a TypeScript literal: single-quoted, or double-quoted when that avoids escaping. */
export function quote(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(q, 'g'), `\\${q}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\p{Cc}|[\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${q}${escaped}${q}`;
}

function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : quote(key);
}

/**
 * Prints JSON as a TypeScript literal the way a person would write it: 2-space indent, single
 * quotes, bare keys, trailing commas, and short flat objects or arrays on one line.
 * `indent` is the column the value starts at, used to decide what fits.
 */
export function printLiteral(value: JsonValue, indent = 0): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? quote(value) : String(value);
  const pad = ' '.repeat(indent + 2);
  const entries = Array.isArray(value)
    ? value.map((v) => ({ key: '', v }))
    : Object.entries(value).map(([k, v]) => ({ key: `${propertyKey(k)}: `, v }));
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;

  const flat = entries.every(({ v }) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.length === 0));
  if (flat) {
    const inner = entries.map(({ key, v }) => `${key}${printLiteral(v)}`).join(', ');
    const line = Array.isArray(value) ? `[${inner}]` : `{ ${inner} }`;
    if (indent + line.length <= WIDTH) return line;
  }
  const lines = entries.map(({ key, v }) => `${pad}${key}${printLiteral(v, indent + 2)},`);
  return `${open}\n${lines.join('\n')}\n${' '.repeat(indent)}${close}`;
}

/** A TSDoc block for `text` (paragraphs separated by blank lines), word-wrapped; '' when there is nothing to say. */
export function tsDoc(paragraphs: readonly string[], indent = 0): string {
  const pad = ' '.repeat(indent);
  const kept = paragraphs.map((p) => p.replace(/\*\//g, '*\\/').trim()).filter((p) => p !== '');
  if (kept.length === 0) return '';
  const body = kept.map((p) => wrap(p, WIDTH - indent - 3)).join('\n\n').split('\n');
  if (body.length === 1 && indent + (body[0] ?? '').length + 7 <= WIDTH) return `${pad}/** ${body[0] ?? ''} */\n`;
  return `${pad}/**\n${body.map((l) => (l === '' ? `${pad} *` : `${pad} * ${l}`)).join('\n')}\n${pad} */\n`;
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  for (const source of text.split('\n')) {
    let line = '';
    for (const word of source.split(/\s+/).filter((w) => w !== '')) {
      if (line !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
