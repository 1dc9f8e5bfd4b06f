import { env } from "cloudflare:test";
import { Client } from "@upstash/qstash";
import { describe, expect, it } from "vitest";
import type { CacheStatsResponse, WarmingResponse, WarmRunResponse } from "../../../functions/cache/index.ts";
import { cacheKeyForAgentResponse } from "../../../shared/cache/keys.ts";
import { createCache } from "../../../shared/cache/service.ts";
import { getCompetitorProfile } from "../../../shared/cache/warm/competitor-profiles.ts";
import { getMarketData } from "../../../shared/cache/warm/market-data.ts";
import { warmScheduleId } from "../../../shared/cache/warm/schedules.ts";
import { knowledgeVersion } from "../../../shared/knowledge/version.ts";
import { call, type ErrorBody } from "../../helpers/api.ts";
import { USERS } from "../../helpers/db.ts";
import { deliver, documentOf, intelOf, knowledgePath, knowledgeWorkspace, sql } from "../knowledge/fixtures.ts";
import { testServices } from "./services.ts";

const services = testServices();
const { redis } = services;
const cachePath = (workspaceId: string, rest = "") => `/api/workspaces/${workspaceId}/cache${rest}`;

/** A competitor with one analysis and one piece of intelligence, and one market trend. */
async function seedIntelligence(workspaceId: string) {
  const [competitor] = await sql<{ id: string }[]>`
    insert into public.competitors (workspace_id, name, positioning, threat_level)
    values (${workspaceId}, 'Initech', 'Cheapest mid-market suite', 'high') returning id`;
  await sql`insert into public.competitive_analyses (workspace_id, competitor_id, analysis_type, summary, score)
            values (${workspaceId}, ${competitor!.id}, 'pricing', 'Undercuts us by 20%', 72)`;
  await sql`insert into public.market_intelligence (workspace_id, intelligence_type, title, competitor_id, relevance_score)
            values (${workspaceId}, 'competitive', 'Initech discount', ${competitor!.id}, 90),
                   (${workspaceId}, 'market_trend', 'Buyers consolidate tools', null, 80)`;
  return competitor!.id;
}

describe("DELETE /cache?pattern=", () => {
  it("happy: an admin invalidates matching keys of the workspace; the event records it", async () => {
    const workspaceId = await knowledgeWorkspace();
    const cache = createCache({ redis, workspaceId });
    await cache.set("agent_responses", "LORD-004:balanced:k1:x", "review");
    await cache.set("personas", "p", { name: "x" });
    const res = await call(USERS.alice, cachePath(workspaceId, "?pattern=agent_responses:*"), { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    expect((await cache.get("agent_responses", "LORD-004:balanced:k1:x")).hit).toBe(false);
    expect((await cache.get("personas", "p")).hit).toBe(true);
    const [event] = await sql<{ payload: Record<string, unknown> }[]>`
      select payload from public.events where workspace_id = ${workspaceId} and event_type = 'cache.invalidated'`;
    expect(event?.payload).toEqual({
      trigger: "manual",
      pattern: "agent_responses:*",
      removed: 1,
      by_type: { agent_responses: 1 },
    });
  });

  it("security: only admins; a pattern cannot use brackets, escapes or reach past the workspace", async () => {
    const workspaceId = await knowledgeWorkspace();
    const other = createCache({ redis, workspaceId: await knowledgeWorkspace() });
    await other.set("personas", "p", 1);
    expect((await call(USERS.ana, cachePath(workspaceId, "?pattern=*"), { method: "DELETE" })).status).toBe(403);
    for (const pattern of ["[a-z]*", "\\*", "", "a b"]) {
      const res = await call<ErrorBody>(
        USERS.alice,
        cachePath(workspaceId, `?pattern=${encodeURIComponent(pattern)}`),
        { method: "DELETE" },
      );
      expect(res.status, pattern).toBe(400);
    }
    // `*` and `../`-style attempts stay inside `cache:{workspace}:`.
    await call(USERS.alice, cachePath(workspaceId, `?pattern=${encodeURIComponent(`*:${other.workspaceId}:*`)}`), {
      method: "DELETE",
    });
    await call(USERS.alice, cachePath(workspaceId, "?pattern=*"), { method: "DELETE" });
    expect((await other.get("personas", "p")).hit).toBe(true);
  });
});

describe("GET /cache/stats", () => {
  it("happy: hit rate, size, evictions and money saved, per data type", async () => {
    const workspaceId = await knowledgeWorkspace();
    const cache = createCache({ redis, workspaceId });
    await cache.getOrCompute("agent_responses", "MUSE-001:fast:k1:a", async () => ({ value: "x", costUsd: 0.25 }));
    await cache.getOrCompute("agent_responses", "MUSE-001:fast:k1:a", async () => ({ value: "never", costUsd: 1 }));
    const res = await call<CacheStatsResponse>(USERS.ana, cachePath(workspaceId, "/stats"));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      hits: 1,
      misses: 1,
      hit_rate: 0.5,
      saved_usd: 0.25,
      keys: 1,
      size_complete: true,
    });
    expect(res.body.data.by_type.agent_responses).toMatchObject({ hits: 1, keys: 1, ttl_seconds: 86_400 });
    expect((await call(USERS.victor, cachePath(workspaceId, "/stats"))).status).toBe(403);
  });
});

describe("invalidation on dependent data", () => {
  it("happy: new brand guidelines invalidate the Aesthete's cached reviews; new competitor intel the competitor profiles", async () => {
    const workspaceId = await knowledgeWorkspace();
    const cache = createCache({ redis, workspaceId });
    const versionBefore = await knowledgeVersion(redis, workspaceId);
    const review = await cacheKeyForAgentResponse({
      agentCode: "LORD-004",
      input: { content: "Spring hero banner" },
      modelTier: "strongest",
      knowledgeVersion: versionBefore,
    });
    await cache.set("agent_responses", review, { score: 82 }, { dependsOn: ["brand_guidelines"] });
    await cache.set("competitor_profiles", "initech", { name: "Initech" });
    await cache.set("user_preferences", "org", { tone: "formal" });

    // Brand guidelines are organization preferences (the user_preferences collection): both go.
    await call(USERS.ana, knowledgePath(workspaceId), {
      body: documentOf("brand_guidelines", { category: "design_branding" }),
    });
    expect((await cache.get("agent_responses", review)).hit).toBe(false);
    expect((await cache.get("user_preferences", "org")).hit).toBe(false);
    expect((await cache.get("competitor_profiles", "initech")).hit).toBe(true);
    // The knowledge version moved, so the same review input now has another key.
    const versionAfter = await knowledgeVersion(redis, workspaceId);
    expect(versionAfter).toBeGreaterThan(versionBefore);
    expect(
      await cacheKeyForAgentResponse({
        agentCode: "LORD-004",
        input: { content: "Spring hero banner" },
        modelTier: "strongest",
        knowledgeVersion: versionAfter,
      }),
    ).not.toBe(review);

    await call(USERS.ana, knowledgePath(workspaceId), { body: intelOf("Initech", "Initech hired a new CMO.") });
    expect((await cache.get("competitor_profiles", "initech")).hit).toBe(false);
    const events = await sql<{ payload: { dependency: string; cause: string; trigger: string } }[]>`
      select payload from public.events where workspace_id = ${workspaceId} and event_type = 'cache.invalidated' order by sequence`;
    expect(events.map((event) => [event.payload.trigger, event.payload.dependency, event.payload.cause])).toEqual([
      ["dependent_data", "brand_guidelines", "knowledge.ingested"],
      ["dependent_data", "user_preferences", "knowledge.ingested"],
      ["dependent_data", "competitor_intel", "knowledge.ingested"],
    ]);
  });
});

describe("cache warming", () => {
  it("happy: running the warming job fills competitor profiles and market data from Postgres", async () => {
    const workspaceId = await knowledgeWorkspace();
    const competitorId = await seedIntelligence(workspaceId);
    const res = await call<WarmRunResponse>(USERS.alice, cachePath(workspaceId, "/warming/run"), { body: {} });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ market_data: 5, competitor_profiles: 1 });
    const profile = await getCompetitorProfile(services, workspaceId, competitorId);
    expect(profile.cached).toBe(true);
    expect(profile.value).toMatchObject({
      competitor: { name: "Initech", threat_level: "high" },
      analyses: [{ analysis_type: "pricing", score: 72 }],
      intelligence: [{ title: "Initech discount" }],
    });
    const trends = await getMarketData(services, workspaceId, "market_trend");
    expect(trends).toMatchObject({ cached: true, value: { items: [{ title: "Buyers consolidate tools" }] } });
  });

  it("happy: the schedule is created in QStash and removed again; only admins manage it", async () => {
    const workspaceId = await knowledgeWorkspace();
    expect((await call(USERS.ana, cachePath(workspaceId, "/warming"), { method: "PUT", body: {} })).status).toBe(403);
    const res = await call<WarmingResponse>(USERS.alice, cachePath(workspaceId, "/warming"), {
      method: "PUT",
      body: { kinds: ["competitor_profiles"], cron: "0 */6 * * *" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      schedule_id: warmScheduleId(workspaceId),
      cron: "0 */6 * * *",
      kinds: ["competitor_profiles"],
    });
    const qstash = new Client({ baseUrl: env.QSTASH_URL, token: env.QSTASH_TOKEN });
    const schedule = await qstash.schedules.get(warmScheduleId(workspaceId));
    expect(schedule).toMatchObject({ cron: "0 */6 * * *", destination: `${env.PUBLIC_BASE_URL}/internal/cache/warm` });
    expect(JSON.parse(schedule.body ?? "{}")).toEqual({ workspace_id: workspaceId, kinds: ["competitor_profiles"] });

    expect((await call(USERS.alice, cachePath(workspaceId, "/warming"), { method: "DELETE" })).status).toBe(204);
    await expect(qstash.schedules.get(warmScheduleId(workspaceId))).rejects.toThrow();
    const badCron = await call<ErrorBody>(USERS.alice, cachePath(workspaceId, "/warming"), {
      method: "PUT",
      body: { cron: "every day" },
    });
    expect(badCron.status).toBe(400);
  });

  it("security: the warming consumer runs only for QStash-signed deliveries", async () => {
    const workspaceId = await knowledgeWorkspace();
    await seedIntelligence(workspaceId);
    const job = { workspace_id: workspaceId, kinds: ["competitor_profiles"] };
    expect((await deliver("/internal/cache/warm", job, { signature: null })).status).toBe(401);
    const res = await deliver("/internal/cache/warm", job);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { market_data: 0, competitor_profiles: 1 } });
  });
});
