import type { Metadata, VectorRecord } from "./types.ts";

interface SlotRecord {
  id: string;
  metadata?: Metadata;
  data?: string;
}

/**
 * One namespace's vectors, packed into a single growing Float32Array (one row per slot) so a
 * brute-force scan walks contiguous memory. Deleted slots are reused; ids map to slots.
 */
export class VectorSpace {
  readonly dimension: number;
  #rows = new Float32Array(0);
  #norms = new Float64Array(0);
  #records: Array<SlotRecord | undefined> = [];
  #slotById = new Map<string, number>();
  #freeSlots: number[] = [];
  #sortedIds: string[] | undefined;

  constructor(dimension: number) {
    this.dimension = dimension;
  }

  /** Number of vectors stored. */
  get size(): number {
    return this.#slotById.size;
  }

  /** One past the highest slot ever used: scans iterate `[0, slotCount)` and skip empty slots. */
  get slotCount(): number {
    return this.#records.length;
  }

  /** The packed rows; row `slot` is `rows.subarray(slot * dimension, (slot + 1) * dimension)`. */
  get rows(): Float32Array {
    return this.#rows;
  }

  /** Euclidean norm of each slot's vector, precomputed for cosine scoring. */
  get norms(): Float64Array {
    return this.#norms;
  }

  /** The record in `slot`, or undefined if the slot is free. */
  recordAt(slot: number): SlotRecord | undefined {
    return this.#records[slot];
  }

  /** Inserts or replaces the vector with `record.id`. */
  upsert(record: VectorRecord): void {
    let slot = this.#slotById.get(record.id);
    if (slot === undefined) {
      slot = this.#freeSlots.pop() ?? this.#grow();
      this.#slotById.set(record.id, slot);
      this.#sortedIds = undefined;
    }
    const entry: SlotRecord = { id: record.id };
    if (record.metadata !== undefined) entry.metadata = record.metadata;
    if (record.data !== undefined) entry.data = record.data;
    this.#records[slot] = entry;
    this.#rows.set(record.vector, slot * this.dimension);
    let sumOfSquares = 0;
    for (const value of record.vector) sumOfSquares += value * value;
    this.#norms[slot] = Math.sqrt(sumOfSquares);
  }

  /** Removes a vector; false if there was none with that id. */
  delete(id: string): boolean {
    const slot = this.#slotById.get(id);
    if (slot === undefined) return false;
    this.#slotById.delete(id);
    this.#records[slot] = undefined;
    this.#freeSlots.push(slot);
    this.#sortedIds = undefined;
    return true;
  }

  /** The slot holding `id`, or undefined. */
  slotOf(id: string): number | undefined {
    return this.#slotById.get(id);
  }

  /** Whether a vector with `id` is stored. */
  has(id: string): boolean {
    return this.#slotById.has(id);
  }

  /** The full record for `id` (vector copied), or undefined. */
  get(id: string): VectorRecord | undefined {
    const slot = this.#slotById.get(id);
    return slot === undefined ? undefined : this.recordFor(slot);
  }

  /** The full record in an occupied slot (vector copied, so callers cannot alias the packed rows). */
  recordFor(slot: number): VectorRecord {
    const entry = this.#records[slot];
    if (!entry) throw new Error(`slot ${slot} is empty`);
    const vector = this.#rows.slice(slot * this.dimension, (slot + 1) * this.dimension);
    return { ...entry, vector };
  }

  /** All ids in code-unit order; cached until the set of ids changes. Range pages over this order. */
  sortedIds(): readonly string[] {
    this.#sortedIds ??= [...this.#slotById.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return this.#sortedIds;
  }

  /** Drops every vector. */
  clear(): void {
    this.#rows = new Float32Array(0);
    this.#norms = new Float64Array(0);
    this.#records = [];
    this.#slotById.clear();
    this.#freeSlots = [];
    this.#sortedIds = undefined;
  }

  /** Approximate bytes held, for `info.indexSize`. */
  approximateBytes(): number {
    let bytes = this.size * (this.dimension + 1) * 4;
    for (const entry of this.#records) {
      if (!entry) continue;
      bytes += entry.id.length + (entry.data?.length ?? 0);
      if (entry.metadata) bytes += JSON.stringify(entry.metadata).length;
    }
    return bytes;
  }

  /** Appends a slot, growing the packed arrays by half when full. */
  #grow(): number {
    const slot = this.#records.length;
    const capacity = this.#norms.length;
    if (slot >= capacity) {
      const next = Math.max(64, Math.ceil(capacity * 1.5));
      const rows = new Float32Array(next * this.dimension);
      rows.set(this.#rows);
      const norms = new Float64Array(next);
      norms.set(this.#norms);
      this.#rows = rows;
      this.#norms = norms;
    }
    this.#records.push(undefined);
    return slot;
  }
}
