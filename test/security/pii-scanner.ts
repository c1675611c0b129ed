/**
 * Finds children's personal data in text the hub emits (log lines, metrics, error bodies). The
 * personal values come from the generator's native files (the ground truth of who is who); each
 * becomes a pattern that also matches the value's other common spellings:
 *   RUN          `12.345.678-5`, `12345678-5`, `123456785`, `12345678` (digit boundaries)
 *   birth date   `21-08-2013`, `21/08/2013`, `2013-08-21`, `2013/08/21`
 *   name         the whole given-names value and "given surname", "surname surname" pairs
 *                (case- and accent-insensitive, word boundaries); single short words are skipped
 *                because they collide with ordinary words (a surname can be "Campos" or "Luz")
 *   address      the whole street address
 *   phone        its digits, optional +56, with optional spaces or hyphens between digits
 */
export type PersonalKind = 'run' | 'birthDate' | 'name' | 'address' | 'phone';

export interface PersonalValue {
  readonly kind: PersonalKind;
  readonly value: string;
}

export interface Finding {
  readonly kind: PersonalKind;
  readonly value: string;
  readonly source: string;
  /** The matching text with some context, for the failure message. */
  readonly excerpt: string;
}

/** Native columns (any institution) that hold a person's data, by kind. */
const COLUMNS: Readonly<Record<string, PersonalKind>> = {
  run_nna: 'run', run_madre: 'run', run: 'run',
  fecha_nacimiento: 'birthDate',
  direccion: 'address',
  telefono: 'phone',
};
const NAME_COLUMNS = ['nombres', 'apellido_paterno', 'apellido_materno'] as const;

/** Splits one CSV line (`;` or `,`, optional double quotes). Enough for the generator's files. */
function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i += 1; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The personal values of every row of a native CSV file (header detected, `;` or `,`). */
export function personalValuesFromCsv(text: string): PersonalValue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = lines[0]!;
  const sep = (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const cols = splitCsvLine(header, sep).map((c) => c.trim().toLowerCase());
  const out: PersonalValue[] = [];
  for (const line of lines.slice(1)) {
    const cells = splitCsvLine(line, sep);
    const at = (name: string) => (cells[cols.indexOf(name)] ?? '').trim();
    cols.forEach((c, i) => {
      const kind = COLUMNS[c];
      const v = (cells[i] ?? '').trim();
      if (kind && v) out.push({ kind, value: v });
    });
    const [given, paternal, maternal] = NAME_COLUMNS.map(at) as [string, string, string];
    out.push(...nameValues(given, paternal, maternal));
  }
  return dedupe(out);
}

/** Name needles of one person: whole given names (if long enough) and two-word combinations. */
export function nameValues(given: string, paternal: string, maternal: string): PersonalValue[] {
  const out: PersonalValue[] = [];
  const firstGiven = given.split(/\s+/)[0] ?? '';
  if (given.length >= 5) out.push({ kind: 'name', value: given });
  if (firstGiven && paternal) out.push({ kind: 'name', value: `${firstGiven} ${paternal}` });
  if (paternal && maternal) out.push({ kind: 'name', value: `${paternal} ${maternal}` });
  return out;
}

function dedupe(values: readonly PersonalValue[]): PersonalValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = `${v.kind}|${v.value.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Lower case without accents, so `RODRÍGUEZ` and `rodriguez` are the same text. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The pattern of one value (null when the value is too short or shapeless to scan for safely). */
export function patternOf(v: PersonalValue): RegExp | null {
  switch (v.kind) {
    case 'run': {
      const m = /^(\d{1,2})\.?(\d{3})\.?(\d{3})-?([\dkK])$/.exec(v.value.trim());
      if (!m) return null;
      const [, a, b, c, dv] = m;
      return new RegExp(`(?<![\\d.])${a}\\.?${b}\\.?${c}(?:-?[${dv!.toLowerCase()}${dv!.toUpperCase()}])?(?![\\dkK])`);
    }
    case 'birthDate': {
      const m = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(v.value.trim()) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.value.trim());
      if (!m) return null;
      const [dd, mm, yyyy] = m[1]!.length === 4 ? [m[3]!, m[2]!, m[1]!] : [m[1]!, m[2]!, m[3]!];
      return new RegExp(`(?<!\\d)(?:${dd}[-/.]${mm}[-/.]${yyyy}|${yyyy}[-/.]${mm}[-/.]${dd})(?!\\d)`);
    }
    case 'phone': {
      const all = v.value.replace(/\D/g, '');
      // The subscriber number without the country code (56), which the pattern makes optional.
      const digits = all.length > 9 && all.startsWith('56') ? all.slice(2) : all;
      if (digits.length < 8) return null;
      return new RegExp(`(?<!\\d)(?:\\+?56[ -]?)?${digits.split('').join('[ -]?')}(?!\\d)`);
    }
    case 'name':
    case 'address': {
      const words = fold(v.value).split(/\s+/).filter(Boolean);
      if (words.join(' ').length < 5) return null;
      return new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'u');
    }
  }
}

export interface PiiScanner {
  readonly needles: number;
  scan(text: string, source: string): Finding[];
}

/** A scanner for these values; names and addresses are compared on folded (lower, unaccented) text. */
export function createPiiScanner(values: readonly PersonalValue[]): PiiScanner {
  const compiled = values.flatMap((v) => {
    const re = patternOf(v);
    return re ? [{ v, re, folded: v.kind === 'name' || v.kind === 'address' }] : [];
  });
  return {
    needles: compiled.length,
    scan(text, source) {
      const folded = fold(text);
      const out: Finding[] = [];
      for (const { v, re, folded: useFolded } of compiled) {
        const hay = useFolded ? folded : text;
        const m = re.exec(hay);
        if (m) out.push({ kind: v.kind, value: v.value, source, excerpt: hay.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40) });
      }
      return out;
    },
  };
}
