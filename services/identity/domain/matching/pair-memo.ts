/**
 * A bounded memo of values keyed by a pair of small integer ids (interned strings), in typed
 * arrays with open addressing: no string hashing, no per-entry objects. Batch resolution looks up
 * the same name pairs millions of times; a Map of Maps keyed by strings cost more than the
 * Jaro-Winkler it saved. Pure memoisation: results never depend on it. Full → cleared.
 */
export class PairMemo {
  private keys: Float64Array;
  private vals: Float64Array;
  private size = 0;
  private readonly mask: number;

  constructor(bits = 20) {
    this.keys = new Float64Array(1 << bits);
    this.vals = new Float64Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  private slot = 0;
  private key = 0;

  /** The stored value for (a, b) (order-insensitive), or -1; a miss remembers where to `store`. Values must be ≥ 0. */
  lookup(a: number, b: number): number {
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const key = lo * 67108864 + hi + 1; // ids < 2^26; 0 marks an empty slot
    let slot = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca77)) & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.vals[slot]!;
      if (k === 0) break;
      slot = (slot + 1) & this.mask;
    }
    this.slot = slot;
    this.key = key;
    return -1;
  }

  /** Stores the value of the pair of the last missed `lookup`; returns it. */
  store(v: number): number {
    if (this.size * 4 >= this.mask * 3) { this.keys.fill(0); this.size = 0; return v; }
    this.keys[this.slot] = this.key;
    this.vals[this.slot] = v;
    this.size++;
    return v;
  }
}
