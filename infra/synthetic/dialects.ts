import type { CsvFile } from './columns';
import type { Institution } from './records';

/**
 * How each institution's export is written. Real exports differ, and the import must read them
 * all, so the generator varies them on purpose, deterministically (the same for every seed):
 *
 * | file            | encoding           | sep | line end | quoting  | dates      | sex        | RUN dots |
 * |-----------------|--------------------|-----|----------|----------|------------|------------|----------|
 * | tribunales.csv  | UTF-8              | ;   | LF       | minimal  | DD-MM-AAAA | F/M        | 90 %     |
 * | sename.csv      | Latin-1            | ;   | CRLF     | all      | DD-MM-AAAA | FEMENINO   | 30 %     |
 * | municipios.csv  | Latin-1            | ;   | CRLF     | minimal  | DD/MM/AAAA | F/M        | 70 %     |
 * | colegios.csv    | UTF-8              | ,   | LF       | minimal  | DD-MM-AAAA | F/M        | 5 %      |
 * | salud.csv       | UTF-8 with BOM     | ;   | CRLF     | minimal  | DD-MM-AAAA | Femenino   | 50 %     |
 *
 * Municipal offices also write comuna codes as numbers (the leading zero lost: `5101`), and
 * option values as words (`Demanda espontanea`); colegios.csv writes decimals with a comma,
 * which forces quotes in a comma-separated file. `--plain` writes every file as UTF-8 with `,`
 * and LF, the same values otherwise.
 */
export interface Dialect {
  readonly file: CsvFile;
  readonly fileName: string;
  readonly institution: Institution;
  readonly encoding: 'utf8' | 'latin1';
  readonly bom: boolean;
  readonly separator: ';' | ',';
  readonly eol: '\n' | '\r\n';
  readonly quoteAll: boolean;
  readonly dateSeparator: '-' | '/';
  readonly sex: 'letter' | 'upperWord' | 'word';
  readonly runDots: number;
  readonly comunaAsNumber: boolean;
  readonly optionsAsWords: boolean;
  readonly decimalComma: boolean;
}

const base = { bom: false, quoteAll: false, dateSeparator: '-', sex: 'letter', comunaAsNumber: false, optionsAsWords: false, decimalComma: false } as const;

export const DIALECTS: Readonly<Record<CsvFile, Dialect>> = {
  tribunales: { ...base, file: 'tribunales', fileName: 'tribunales.csv', institution: 'TRIBUNAL', encoding: 'utf8', separator: ';', eol: '\n', runDots: 0.9 },
  sename: { ...base, file: 'sename', fileName: 'sename.csv', institution: 'SENAME', encoding: 'latin1', separator: ';', eol: '\r\n', quoteAll: true, sex: 'upperWord', runDots: 0.3 },
  municipios: {
    ...base, file: 'municipios', fileName: 'municipios.csv', institution: 'MUNICIPALITY', encoding: 'latin1', separator: ';', eol: '\r\n',
    dateSeparator: '/', runDots: 0.7, comunaAsNumber: true, optionsAsWords: true,
  },
  colegios: { ...base, file: 'colegios', fileName: 'colegios.csv', institution: 'SCHOOL', encoding: 'utf8', separator: ',', eol: '\n', runDots: 0.05, decimalComma: true },
  salud: { ...base, file: 'salud', fileName: 'salud.csv', institution: 'HEALTH', encoding: 'utf8', bom: true, separator: ';', eol: '\r\n', sex: 'word', runDots: 0.5 },
};

/** `--plain`: UTF-8, comma, LF, minimal quoting, no BOM; values written as in the realistic dialects. */
export function plainDialect(d: Dialect): Dialect {
  return { ...d, encoding: 'utf8', bom: false, separator: ',', eol: '\n', quoteAll: false };
}

export const FILE_OF_INSTITUTION: Readonly<Record<Institution, CsvFile>> = {
  TRIBUNAL: 'tribunales', SENAME: 'sename', MUNICIPALITY: 'municipios', SCHOOL: 'colegios', HEALTH: 'salud',
};

/** Option columns that municipal offices write as words. */
export const WORDY_OPTION_COLUMNS: ReadonlySet<string> = new Set(['origen', 'destino_derivacion', 'fuente_alerta', 'prioridad', 'modalidad_destino']);

/** `DEMANDA_ESPONTANEA` → `Demanda espontanea`. */
export function optionAsWords(symbol: string): string {
  const words = symbol.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
