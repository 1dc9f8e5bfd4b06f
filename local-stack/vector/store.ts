import { VectorError } from "./errors.ts";
import type { Metadata, Mutation, SimilarityFunction, VectorRecord } from "./types.ts";
import { VectorSpace } from "./vector-space.ts";

/** Receives every mutation before it is applied, so the journal is never behind memory. */
export type MutationSink = (mutation: Mutation) => void;

const DEFAULT_NAMESPACE = "";
const SNAPSHOT_BATCH = 500;

/**
 * The index: namespaces of vectors, all in memory. Every change goes through `#commit`, which
 * journals the mutation first and then applies it; replaying the journal calls `apply` directly.
 */
export class VectorStore {
  readonly dimension: number;
  readonly similarity: SimilarityFunction;
  #spaces = new Map<string, VectorSpace>();
  #journal: MutationSink | undefined;

  constructor(options: { dimension: number; similarity: SimilarityFunction }) {
    this.dimension = options.dimension;
    this.similarity = options.similarity;
    this.#spaces.set(DEFAULT_NAMESPACE, new VectorSpace(this.dimension));
  }

  /** Starts journaling; mutations applied before this (a replay) are not journaled again. */
  setJournal(journal: MutationSink): void {
    this.#journal = journal;
  }

  /** The namespace's vectors, or undefined if the namespace does not exist. */
  space(namespace: string): VectorSpace | undefined {
    return this.#spaces.get(namespace);
  }

  /** Namespace names, the default (`""`) first, then in code-unit order. */
  namespaces(): string[] {
    return [...this.#spaces.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Inserts or replaces vectors, creating the namespace on first use. */
  upsert(namespace: string, records: VectorRecord[]): void {
    if (records.length > 0) this.#commit({ op: "upsert", namespace, records });
  }

  /** Deletes the given ids; returns how many existed. */
  delete(namespace: string, ids: string[]): number {
    const space = this.#spaces.get(namespace);
    const existing = space ? [...new Set(ids)].filter((id) => space.has(id)) : [];
    if (existing.length > 0) this.#commit({ op: "delete", namespace, ids: existing });
    return existing.length;
  }

  /** Deletes every vector whose id and metadata satisfy `predicate`; returns how many. */
  deleteWhere(namespace: string, predicate: (id: string, metadata: Metadata | undefined) => boolean): number {
    const space = this.#spaces.get(namespace);
    if (!space) return 0;
    const ids: string[] = [];
    for (let slot = 0; slot < space.slotCount; slot++) {
      const record = space.recordAt(slot);
      if (record && predicate(record.id, record.metadata)) ids.push(record.id);
    }
    if (ids.length > 0) this.#commit({ op: "delete", namespace, ids });
    return ids.length;
  }

  /** Empties one namespace (it keeps existing). */
  reset(namespace: string): void {
    if (this.#spaces.has(namespace)) this.#commit({ op: "reset", namespace });
  }

  /** Empties the index: every namespace but the default one disappears. */
  resetAll(): void {
    this.#commit({ op: "resetAll" });
  }

  /** Deletes a namespace and its vectors; the default namespace cannot be deleted. */
  deleteNamespace(namespace: string): void {
    if (namespace === DEFAULT_NAMESPACE) throw VectorError.badRequest("The default namespace cannot be deleted");
    if (!this.#spaces.has(namespace)) {
      throw VectorError.notFound(`Namespace ${namespace} for the index does not exist`);
    }
    this.#commit({ op: "deleteNamespace", namespace });
  }

  /** Applies a mutation to memory only (used directly when replaying the journal). */
  apply(mutation: Mutation): void {
    switch (mutation.op) {
      case "upsert": {
        const space = this.#spaceFor(mutation.namespace);
        for (const record of mutation.records) space.upsert(record);
        return;
      }
      case "delete": {
        const space = this.#spaces.get(mutation.namespace);
        for (const id of mutation.ids) space?.delete(id);
        return;
      }
      case "createNamespace":
        this.#spaceFor(mutation.namespace);
        return;
      case "reset":
        this.#spaces.get(mutation.namespace)?.clear();
        return;
      case "resetAll":
        this.#spaces = new Map([[DEFAULT_NAMESPACE, new VectorSpace(this.dimension)]]);
        return;
      case "deleteNamespace":
        if (mutation.namespace !== DEFAULT_NAMESPACE) this.#spaces.delete(mutation.namespace);
        return;
    }
  }

  /** The current state as a minimal list of mutations, for compacting the journal. */
  *snapshot(): Generator<Mutation> {
    for (const [namespace, space] of this.#spaces) {
      if (namespace !== DEFAULT_NAMESPACE) yield { op: "createNamespace", namespace };
      let records: VectorRecord[] = [];
      for (let slot = 0; slot < space.slotCount; slot++) {
        if (!space.recordAt(slot)) continue;
        records.push(space.recordFor(slot));
        if (records.length === SNAPSHOT_BATCH) {
          yield { op: "upsert", namespace, records };
          records = [];
        }
      }
      if (records.length > 0) yield { op: "upsert", namespace, records };
    }
  }

  #commit(mutation: Mutation): void {
    this.#journal?.(mutation);
    this.apply(mutation);
  }

  #spaceFor(namespace: string): VectorSpace {
    let space = this.#spaces.get(namespace);
    if (!space) {
      space = new VectorSpace(this.dimension);
      this.#spaces.set(namespace, space);
    }
    return space;
  }
}
