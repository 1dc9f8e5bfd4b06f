import { type Tx, withService } from "../../db/database.ts";
import { type CachedResult, createCache } from "../service.ts";
import type { WarmDeps } from "./competitor-profiles.ts";

/** The market intelligence types that make up market data (competitive items go to competitor profiles). */
export const MARKET_DATA_TYPES = ["market_trend", "customer_behavior", "technology", "regulatory", "economic"] as const;
export type MarketDataType = (typeof MARKET_DATA_TYPES)[number];

/** One type of market data: the workspace's current intelligence items of that type. */
export interface MarketDigest {
  intelligence_type: MarketDataType;
  items: {
    id: string;
    title: string;
    summary: string | null;
    source: string | null;
    impact_score: number | null;
    relevance_score: number | null;
    key_insights: unknown;
    gathered_at: string;
  }[];
}

/**
 * Items per digest: a bound so one digest stays a small Redis value however much intelligence a
 * workspace gathers (Upstash caps a request at 1 MB); the most relevant, most recent come first.
 */
const MAX_DIGEST_ITEMS = 50;

/** Digests of the workspace's unexpired market intelligence, one per type (types without items included). */
export async function buildMarketDigests(tx: Tx, workspaceId: string): Promise<Map<MarketDataType, MarketDigest>> {
  const rows = await tx<(MarketDigest["items"][number] & { intelligence_type: MarketDataType; rank: number })[]>`
    select * from (
      select id, intelligence_type, title, summary, source, impact_score::float8 as impact_score,
             relevance_score::float8 as relevance_score, key_insights, gathered_at::text as gathered_at,
             row_number() over (partition by intelligence_type
                                order by relevance_score desc nulls last, gathered_at desc) as rank
      from public.market_intelligence
      where workspace_id = ${workspaceId} and intelligence_type in ${tx([...MARKET_DATA_TYPES])}
        and (expires_at is null or expires_at > now())
    ) ranked
    where rank <= ${MAX_DIGEST_ITEMS}
    order by intelligence_type, rank`;
  return new Map(
    MARKET_DATA_TYPES.map((type) => [
      type,
      {
        intelligence_type: type,
        items: rows
          .filter((row) => row.intelligence_type === type)
          .map(({ intelligence_type: _, rank: __, ...item }) => item),
      },
    ]),
  );
}

/** One type's market data, from the cache or built (single flight). */
export function getMarketData(
  deps: WarmDeps,
  workspaceId: string,
  type: MarketDataType,
): Promise<CachedResult<MarketDigest>> {
  const cache = createCache({ redis: deps.redis, workspaceId, clock: deps.clock });
  return cache.getOrCompute("market_data", type, async () => {
    const digests = await withService(deps.sql, (tx) => buildMarketDigests(tx, workspaceId));
    return { value: digests.get(type)! };
  });
}

/** Rebuilds and stores every market data digest of the workspace (the warming job). */
export async function warmMarketData(deps: WarmDeps, workspaceId: string): Promise<number> {
  const cache = createCache({ redis: deps.redis, workspaceId, clock: deps.clock });
  const digests = await withService(deps.sql, (tx) => buildMarketDigests(tx, workspaceId));
  for (const [type, digest] of digests) await cache.set("market_data", type, digest);
  return digests.size;
}
