import type { Metadata } from "./types.ts";
import type { Include } from "./validate.ts";
import type { VectorSpace } from "./vector-space.ts";

/** A vector as the REST API returns it: optional parts only when asked for and present. */
export interface VectorJson {
  id: string;
  score?: number;
  vector?: number[];
  metadata?: Metadata;
  data?: string;
}

/** Serialises the vector in `slot`, copying only the parts `include` asks for. */
export function serializeSlot(space: VectorSpace, slot: number, include: Include, score?: number): VectorJson {
  const record = space.recordAt(slot);
  if (!record) throw new Error(`slot ${slot} is empty`);
  const out: VectorJson = { id: record.id };
  if (score !== undefined) out.score = shortestFloat32(score);
  if (include.vectors) {
    const row = space.rows.subarray(slot * space.dimension, (slot + 1) * space.dimension);
    out.vector = Array.from(row, shortestFloat32);
  }
  if (include.metadata && record.metadata !== undefined) out.metadata = record.metadata;
  if (include.data && record.data !== undefined) out.data = record.data;
  return out;
}

/**
 * The shortest decimal that reads back as the same float32, so `0.1` stored as float32 is returned
 * as `0.1` (as Upstash does) rather than `0.10000000149011612`. Shorter precisions that round-trip
 * stay round-tripping when digits are added, so a binary search over 1–9 digits finds the shortest.
 */
export function shortestFloat32(value: number): number {
  const single = Math.fround(value);
  if (single === 0 || !Number.isFinite(single)) return single === 0 ? 0 : single;
  let low = 1;
  let high = 9;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (Math.fround(Number(single.toPrecision(middle))) === single) high = middle;
    else low = middle + 1;
  }
  return Number(single.toPrecision(low));
}
