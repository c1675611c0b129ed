import { EventEmitter } from 'node:events';
import { MessageChannel, type Worker } from 'node:worker_threads';
import { batchesFromWorker, packBatch, serveBatches, unpackBatch } from './batch-transport';
import type { PreparedBatch } from './prepare-batches';

function aBatch(position: number, last = false): PreparedBatch {
  return {
    messages: [
      { topic: 't.events', key: `k${position}`, value: Buffer.from([0, 0, 0, 0, 7, position]), headers: { 'hub.event.id': `id-${position}` } },
      { topic: 't.events.dlq', key: `d${position}`, value: Buffer.from('raw;row;ñ', 'latin1'), headers: undefined },
      { topic: 't.events', key: `k${position}b`, value: Buffer.alloc(0), headers: { a: 'b' } },
    ],
    position, received: 3, published: 2, deadLettered: 1, duplicates: 0, withWarnings: 1,
    rejections: [['fecha INVALID_DATE', 1]], warnings: [['run_nna RUN_CHECK_DIGIT', 1]], bytesDone: position * 10, bytesTotal: 100, last,
  };
}

/** A Worker stand-in over a MessageChannel: the "worker" side is served by serveBatches. */
function channelWorker(): { worker: Worker; port: MessageChannel['port2']; terminated: () => boolean } {
  const { port1, port2 } = new MessageChannel();
  const emitter = new EventEmitter();
  let terminated = false;
  port1.on('message', (m) => emitter.emit('message', m));
  const worker = Object.assign(emitter, {
    postMessage: (m: unknown) => port1.postMessage(m),
    terminate: async () => { terminated = true; port1.close(); return 0; },
  }) as unknown as Worker;
  return { worker, port: port2, terminated: () => terminated };
}

describe('batch transport', () => {
  it('Given a batch, When packed and unpacked, Then messages, counts and flags are unchanged and all values travel in one transferable buffer', () => {
    const batch = aBatch(4);
    const { packed, transfer } = packBatch(batch);

    expect(transfer).toHaveLength(1);
    expect(transfer[0]!.byteLength).toBe(6 + 9);
    expect(unpackBatch(packed)).toEqual(batch);
  });

  it('Given a worker with 5 batches, When the publisher takes them one by one with 2 ahead, Then they arrive in order and the worker never holds more than 2 untaken batches besides the one it prepares', async () => {
    const { worker, port, terminated } = channelWorker();
    let produced = 0;
    async function* five() { for (let i = 1; i <= 5; i++) { produced++; yield aBatch(i, i === 5); } }
    const serving = serveBatches(port, five());

    const positions: number[] = [];
    let taken = 0;
    for await (const b of batchesFromWorker(worker, 2)) {
      taken++;
      await new Promise((r) => setTimeout(r, 20)); // a slow publisher
      expect(produced).toBeLessThanOrEqual(taken + 2 + 1);
      positions.push(b.position);
    }
    await serving;

    expect(positions).toEqual([1, 2, 3, 4, 5]);
    expect(terminated()).toBe(true);
  });

  it('Given a worker whose preparation fails, When the publisher iterates, Then it gets the batches before the failure and then the error code', async () => {
    const { worker, port } = channelWorker();
    async function* failing() {
      yield aBatch(1);
      throw Object.assign(new Error('value does not match at rbd'), { code: 'AVRO_INVALID' });
    }
    void serveBatches(port, failing());

    const positions: number[] = [];
    await expect((async () => { for await (const b of batchesFromWorker(worker)) positions.push(b.position); })())
      .rejects.toMatchObject({ name: 'WorkerPrepareError', code: 'AVRO_INVALID' });
    expect(positions).toEqual([1]);
  });
});
