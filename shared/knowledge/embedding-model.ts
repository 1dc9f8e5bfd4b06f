import type { Index } from "@upstash/vector";

const known = new WeakMap<Index, Promise<string | null>>();

/**
 * The embedding model the index embeds `data` with (its `info`), recorded on every memory row so
 * a later model change can be told apart. Asked once per index client; null if the index does
 * not say or cannot be asked (ingestion does not fail over a label).
 */
export function embeddingModelOf(index: Index): Promise<string | null> {
  let model = known.get(index);
  if (!model) {
    model = index
      .info()
      .then((info) => info.denseIndex?.embeddingModel ?? null)
      .catch(() => null);
    known.set(index, model);
  }
  return model;
}
