import type { Metadata, SimilarityFunction } from "./types.ts";
import type { VectorSpace } from "./vector-space.ts";

/** A candidate found by a search: the slot it lives in and its normalised score. */
export interface ScoredSlot {
  slot: number;
  score: number;
}

/**
 * Exact (brute-force) top-K search over a namespace. Scores follow Upstash's normalisation:
 * COSINE `(1 + cos) / 2`, DOT_PRODUCT `(1 + dot) / 2`, EUCLIDEAN `1 / (1 + squared distance)`.
 * `accept` (the metadata filter) is checked before scoring, so filtered-out vectors cost nothing more.
 * Results are best first; ties keep the lower slot.
 */
export function searchTopK(
  space: VectorSpace,
  query: Float32Array,
  topK: number,
  similarity: SimilarityFunction,
  accept?: (metadata: Metadata | undefined) => boolean,
): ScoredSlot[] {
  const k = Math.min(topK, space.size);
  if (k <= 0) return [];
  const heap = new MinHeap(k);
  const { dimension, rows, norms } = space;
  let queryNorm = 0;
  for (const value of query) queryNorm += value * value;
  queryNorm = Math.sqrt(queryNorm);
  for (let slot = 0; slot < space.slotCount; slot++) {
    const record = space.recordAt(slot);
    if (!record || (accept && !accept(record.metadata))) continue;
    const base = slot * dimension;
    let score: number;
    if (similarity === "EUCLIDEAN") {
      score = 1 / (1 + squaredDistance(rows, base, query, dimension));
    } else if (similarity === "DOT_PRODUCT") {
      score = (1 + dot(rows, base, query, dimension)) / 2;
    } else {
      const denominator = queryNorm * (norms[slot] ?? 0);
      const cosine = denominator === 0 ? 0 : dot(rows, base, query, dimension) / denominator;
      score = (1 + Math.min(1, Math.max(-1, cosine))) / 2;
    }
    heap.offer(slot, score);
  }
  return heap.drainDescending();
}

// Unrolled by four: the hot loop of every query, over 100k × 384 floats at the target size.
function dot(rows: Float32Array, base: number, query: Float32Array, dimension: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 4 <= dimension; i += 4) {
    s0 += rows[base + i]! * query[i]!;
    s1 += rows[base + i + 1]! * query[i + 1]!;
    s2 += rows[base + i + 2]! * query[i + 2]!;
    s3 += rows[base + i + 3]! * query[i + 3]!;
  }
  for (; i < dimension; i++) s0 += rows[base + i]! * query[i]!;
  return s0 + s1 + s2 + s3;
}

function squaredDistance(rows: Float32Array, base: number, query: Float32Array, dimension: number): number {
  let sum = 0;
  for (let i = 0; i < dimension; i++) {
    const difference = rows[base + i]! - query[i]!;
    sum += difference * difference;
  }
  return sum;
}

/** Fixed-capacity min-heap on score: the root is the weakest of the best `capacity` seen so far. */
class MinHeap {
  readonly #capacity: number;
  readonly #scores: Float64Array;
  readonly #slots: Int32Array;
  #size = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
    this.#scores = new Float64Array(capacity);
    this.#slots = new Int32Array(capacity);
  }

  offer(slot: number, score: number): void {
    if (this.#size < this.#capacity) {
      this.#scores[this.#size] = score;
      this.#slots[this.#size] = slot;
      this.#siftUp(this.#size++);
    } else if (score > this.#scores[0]!) {
      this.#scores[0] = score;
      this.#slots[0] = slot;
      this.#siftDown(0);
    }
  }

  drainDescending(): ScoredSlot[] {
    const out: ScoredSlot[] = [];
    for (let i = 0; i < this.#size; i++) out.push({ slot: this.#slots[i]!, score: this.#scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.slot - b.slot);
  }

  #siftUp(index: number): void {
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(i, parent)) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #siftDown(index: number): void {
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.#size && this.#less(left, smallest)) smallest = left;
      if (right < this.#size && this.#less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.#swap(i, smallest);
      i = smallest;
    }
  }

  // Among equal scores the higher slot is "less", so it is evicted first and lower slots win ties.
  #less(a: number, b: number): boolean {
    const sa = this.#scores[a]!;
    const sb = this.#scores[b]!;
    return sa < sb || (sa === sb && this.#slots[a]! > this.#slots[b]!);
  }

  #swap(a: number, b: number): void {
    const score = this.#scores[a]!;
    this.#scores[a] = this.#scores[b]!;
    this.#scores[b] = score;
    const slot = this.#slots[a]!;
    this.#slots[a] = this.#slots[b]!;
    this.#slots[b] = slot;
  }
}
