import type { Redis } from "@upstash/redis/cloudflare";
import { type Sql, type Tx, withService } from "../../db/database.ts";
import { type CachedResult, createCache } from "../service.ts";

/** A competitor as agents read it: the tracked record, its analyses and recent intelligence. */
export interface CompetitorProfile {
  competitor: {
    id: string;
    name: string;
    website: string | null;
    description: string | null;
    positioning: string | null;
    strengths: unknown;
    weaknesses: unknown;
    threat_level: string;
    status: string;
  };
  analyses: { analysis_type: string; summary: string | null; score: number | null; created_at: string }[];
  intelligence: {
    title: string;
    summary: string | null;
    intelligence_type: string;
    threat_level: string | null;
    gathered_at: string;
  }[];
}

/** What warming and profile reads need. Queries run as the service role, scoped by workspace. */
export interface WarmDeps {
  sql: Sql;
  redis: Redis;
  clock?: () => number;
}

/**
 * Builds profiles from Postgres (competitors, competitive_analyses, market_intelligence), for
 * the given competitors or every active and monitored one. Three queries, whatever the count.
 */
export async function buildCompetitorProfiles(
  tx: Tx,
  workspaceId: string,
  competitorIds?: readonly string[],
): Promise<Map<string, CompetitorProfile>> {
  const competitors = await tx<CompetitorProfile["competitor"][]>`
    select id, name, website, description, positioning, strengths, weaknesses, threat_level, status
    from public.competitors
    where workspace_id = ${workspaceId} and status <> 'archived'
      and ${competitorIds ? tx`id in ${tx([...competitorIds])}` : tx`true`}`;
  if (competitors.length === 0) return new Map();
  const ids = competitors.map((competitor) => competitor.id);
  const analyses = await tx<(CompetitorProfile["analyses"][number] & { competitor_id: string })[]>`
    select competitor_id, analysis_type, summary, score::float8 as score, created_at::text as created_at
    from public.competitive_analyses
    where workspace_id = ${workspaceId} and competitor_id in ${tx(ids)}
    order by created_at desc`;
  const intelligence = await tx<(CompetitorProfile["intelligence"][number] & { competitor_id: string })[]>`
    select competitor_id, title, summary, intelligence_type, threat_level, gathered_at::text as gathered_at
    from public.market_intelligence
    where workspace_id = ${workspaceId} and competitor_id in ${tx(ids)}
      and (expires_at is null or expires_at > now())
    order by gathered_at desc`;
  return new Map(
    competitors.map((competitor) => [
      competitor.id,
      {
        competitor,
        analyses: analyses.filter((a) => a.competitor_id === competitor.id).map(({ competitor_id: _, ...a }) => a),
        intelligence: intelligence
          .filter((i) => i.competitor_id === competitor.id)
          .map(({ competitor_id: _, ...i }) => i),
      },
    ]),
  );
}

/** One competitor's profile, from the cache or built (single flight); null if there is no such competitor. */
export function getCompetitorProfile(
  deps: WarmDeps,
  workspaceId: string,
  competitorId: string,
): Promise<CachedResult<CompetitorProfile | null>> {
  const cache = createCache({ redis: deps.redis, workspaceId, clock: deps.clock });
  return cache.getOrCompute("competitor_profiles", competitorId, async () => {
    const profiles = await withService(deps.sql, (tx) => buildCompetitorProfiles(tx, workspaceId, [competitorId]));
    return { value: profiles.get(competitorId) ?? null };
  });
}

/** Rebuilds and stores every competitor profile of the workspace (the warming job). */
export async function warmCompetitorProfiles(deps: WarmDeps, workspaceId: string): Promise<number> {
  const cache = createCache({ redis: deps.redis, workspaceId, clock: deps.clock });
  const profiles = await withService(deps.sql, (tx) => buildCompetitorProfiles(tx, workspaceId));
  for (const [id, profile] of profiles) await cache.set("competitor_profiles", id, profile);
  return profiles.size;
}
