import { LOCAL_EMBEDDING_DIMENSION } from "../../shared/embedding/local-embedding.ts";
import { listen, type StandIn } from "../stand-in.ts";
import { openJournal } from "./journal.ts";
import { createVectorServer } from "./server.ts";
import { VectorStore } from "./store.ts";
import type { SimilarityFunction } from "./types.ts";

export type { SimilarityFunction } from "./types.ts";

/** Options of the local Upstash Vector stand-in. */
export interface VectorOptions {
  port: number;
  host?: string;
  /** Bearer token clients must send (`UPSTASH_VECTOR_REST_TOKEN`). */
  token: string;
  /** Where the journal lives; state survives `close()` and a new start on the same directory. */
  dataDir: string;
  /** Vector dimension; default 384, the local embedding's. */
  dimension?: number;
  /** Default COSINE, Upstash's default. */
  similarityFunction?: SimilarityFunction;
}

/**
 * Starts a local stand-in speaking the Upstash Vector REST API (as `@upstash/vector`'s `Index`
 * uses it): exact brute-force search, Upstash's metadata filter language, namespaces, and
 * `upsert-data`/`query-data` through the deterministic local embedding.
 */
export async function startVector(options: VectorOptions): Promise<StandIn> {
  const dimension = options.dimension ?? LOCAL_EMBEDDING_DIMENSION;
  const similarity = options.similarityFunction ?? "COSINE";
  if (!Number.isInteger(dimension) || dimension < 1)
    throw new Error(`dimension must be a positive integer, got ${dimension}`);
  if (options.token === "") throw new Error("The vector stand-in needs a non-empty token");
  const store = new VectorStore({ dimension, similarity });
  const journal = await openJournal({
    dataDir: options.dataDir,
    dimension,
    similarity,
    replay: (mutation) => store.apply(mutation),
    snapshot: () => store.snapshot(),
  });
  store.setJournal((mutation) => journal.append(mutation));
  const server = createVectorServer({ store, token: options.token });
  try {
    return await listen(server, options.port, options.host, async () => journal.close());
  } catch (error) {
    journal.close();
    throw error;
  }
}
