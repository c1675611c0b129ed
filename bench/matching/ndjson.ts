import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Lines of an NDJSON file, parsed; blank lines skipped. Streams, so 1M-line files stay cheap. */
export async function* readNdjson<T = unknown>(file: string): AsyncGenerator<T> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    yield JSON.parse(line) as T;
  }
}

/** An NDJSON writer that buffers about 1 MB and respects backpressure. */
export class NdjsonWriter {
  private readonly out: WriteStream;
  private buf: string[] = [];
  private size = 0;
  count = 0;

  constructor(file: string) {
    this.out = createWriteStream(file);
  }

  async write(value: unknown): Promise<void> {
    const line = JSON.stringify(value) + '\n';
    this.buf.push(line);
    this.size += line.length;
    this.count++;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const chunk = this.buf.join('');
    this.buf = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** `source|sourceRecordId`: the key of a source record, as the matching engine builds it. */
export function recordKey(source: string, sourceRecordId: string): string {
  return `${source}|${sourceRecordId}`;
}

/** One line of a dataset's truth file: which real entity (person, child) a source record is about. */
export interface TruthLine {
  readonly source: string;
  readonly sourceRecordId: string;
  readonly entity: string;
}
