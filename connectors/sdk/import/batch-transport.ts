import type { MessagePort, Worker } from 'node:worker_threads';
import type { EncodedMessage } from '../../../services/platform/kafka/encoded-message';
import type { PreparedBatch } from './prepare-batches';

/**
 * Moves prepared batches from a worker thread to the publishing thread (ADR 0007, "Workers").
 *
 * A batch's message values are packed into ONE transferred ArrayBuffer (structured cloning a few
 * thousand small Buffers would copy each one's whole 8 KiB pool slab), with topics interned.
 * The worker posts at most `ahead` batches beyond what the publisher has taken (credits), and
 * prepares one more meanwhile, so a slow broker cannot make it buffer the whole file in memory.
 */
interface PackedBatch {
  readonly batch: Omit<PreparedBatch, 'messages'>;
  readonly topics: readonly string[];
  readonly topicOf: Uint16Array;
  readonly keys: readonly string[];
  readonly headers: readonly (Readonly<Record<string, string>> | undefined)[];
  readonly values: ArrayBuffer;
  /** End offset of each value in `values`. */
  readonly ends: Uint32Array;
}

type WorkerMessage =
  | { readonly type: 'batch'; readonly packed: PackedBatch }
  | { readonly type: 'error'; readonly code: string; readonly message: string };

type ParentMessage = { readonly type: 'credit'; readonly n: number };

export function packBatch(b: PreparedBatch): { packed: PackedBatch; transfer: ArrayBuffer[] } {
  const n = b.messages.length;
  let total = 0;
  for (const m of b.messages) total += m.value.length;
  const values = new ArrayBuffer(total);
  const bytes = new Uint8Array(values);
  const ends = new Uint32Array(n);
  const topicOf = new Uint16Array(n);
  const topicIndex = new Map<string, number>();
  const topics: string[] = [];
  const keys: string[] = new Array<string>(n);
  const headers: (Readonly<Record<string, string>> | undefined)[] = new Array<Readonly<Record<string, string>> | undefined>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const m = b.messages[i]!;
    let t = topicIndex.get(m.topic);
    if (t === undefined) { t = topics.length; topics.push(m.topic); topicIndex.set(m.topic, t); }
    topicOf[i] = t;
    keys[i] = m.key;
    headers[i] = m.headers;
    bytes.set(m.value, at);
    at += m.value.length;
    ends[i] = at;
  }
  const { messages: _messages, ...rest } = b;
  return { packed: { batch: rest, topics, topicOf, keys, headers, values, ends }, transfer: [values] };
}

export function unpackBatch(p: PackedBatch): PreparedBatch {
  const n = p.keys.length;
  const messages: EncodedMessage[] = new Array<EncodedMessage>(n);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = p.ends[i]!;
    messages[i] = { topic: p.topics[p.topicOf[i]!]!, key: p.keys[i]!, value: Buffer.from(p.values, start, end - start), headers: p.headers[i] };
    start = end;
  }
  return { ...p.batch, messages };
}

/**
 * Worker side: sends the batches to the parent as credits allow, then ends. A failure is sent as
 * an `error` message (only code and message: they name fields, never values) and ends the worker.
 */
export async function serveBatches(port: MessagePort, batches: AsyncIterable<PreparedBatch>): Promise<void> {
  let credits = 0;
  let wake: (() => void) | undefined;
  const onMessage = (m: ParentMessage) => {
    if (m.type === 'credit') { credits += m.n; wake?.(); }
  };
  port.on('message', onMessage);
  try {
    for await (const b of batches) {
      while (credits === 0) await new Promise<void>((r) => { wake = r; });
      wake = undefined;
      credits--;
      const { packed, transfer } = packBatch(b);
      port.postMessage({ type: 'batch', packed } satisfies WorkerMessage, transfer);
    }
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown };
    port.postMessage({ type: 'error', code: typeof e.code === 'string' ? e.code : 'IMPORT_WORKER_FAILED', message: String(e.message ?? err) } satisfies WorkerMessage);
  } finally {
    // Not close(): messages already posted must still arrive. Without a listener the port no
    // longer keeps the worker alive, so it ends once the parent has everything.
    port.off('message', onMessage);
    port.unref();
  }
}

/** Error a worker reported while preparing batches; nothing of the failed batch was published. */
export class WorkerPrepareError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'WorkerPrepareError';
  }
}

/**
 * Publisher side: the worker's batches as an async iterable, `ahead` batches prepared in advance.
 * Ends after the batch marked `last`; the worker is terminated when the iteration ends, early or not.
 */
export async function* batchesFromWorker(worker: Worker, ahead = 2): AsyncGenerator<PreparedBatch> {
  const queue: PreparedBatch[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const notify = () => { const w = wake; wake = undefined; w?.(); };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'batch') queue.push(unpackBatch(m.packed));
    else failure ??= new WorkerPrepareError(m.code, m.message);
    notify();
  });
  worker.on('error', (err) => { failure ??= err; notify(); });
  worker.on('exit', (code) => {
    exited = true;
    if (code !== 0) failure ??= new WorkerPrepareError('IMPORT_WORKER_EXIT', `import worker exited with code ${code}`);
    notify();
  });
  try {
    worker.postMessage({ type: 'credit', n: ahead } satisfies ParentMessage);
    for (;;) {
      const b = queue.shift();
      if (b) {
        worker.postMessage({ type: 'credit', n: 1 } satisfies ParentMessage);
        yield b;
        if (b.last) return;
        continue;
      }
      if (failure) throw failure;
      if (exited) throw new WorkerPrepareError('IMPORT_WORKER_EXIT', 'import worker ended before its last batch');
      await new Promise<void>((r) => { wake = r; });
    }
  } finally {
    // After the last batch it has nothing left to do; after a failure it must stop preparing.
    await worker.terminate();
  }
}
