import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { addCampaign, dropWorkspace, researchGuild, seer, seerWorkspace } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let campaign: string;
let guild: string;
beforeAll(async () => {
  ws = await seerWorkspace(sql);
  campaign = await addCampaign(sql, ws);
  guild = await researchGuild(sql);
  // Three months of the research guild: success 0.8 → 0.9 → 0.95, latency 2000 → 1800 → 1500 ms.
  const months = [
    ["2026-08-01", "2026-09-01", 10, 8, 2000, 1.0, 80],
    ["2026-09-01", "2026-10-01", 20, 18, 1800, 1.8, 85],
    ["2026-10-01", "2026-11-01", 40, 38, 1500, 3.2, 90],
  ] as const;
  for (const [start, end, executions, successes, latency, cost, quality] of months) {
    await sql`insert into public.guild_performance_metrics
                (workspace_id, guild_id, period_start, period_end, executions, successes, failures, avg_latency_ms, cost_usd, quality_score)
              values (${ws}, ${guild}, ${start}, ${end}, ${executions}, ${successes}, ${executions - successes}, ${latency}, ${cost}, ${quality})`;
  }
});
afterAll(() => dropWorkspace(sql, ws));

interface Analysis {
  id: string;
  performance_score: number;
  metrics: Record<string, { current: number; attainment: number | null; trend: string; status: string }>;
  trend_analysis: { overall: string; by_metric: Record<string, string> };
  strengths: string[];
  weaknesses: string[];
}

describe("analyze_performance: happy", () => {
  it("scores a campaign's metrics against thresholds, hand-checked", async () => {
    const res = await call<{ data: Analysis }>(USERS.oliver, seer(ws, "/analysis/performance"), {
      body: {
        subject_type: "campaign",
        campaign_id: campaign,
        period_start: "2026-10-01T00:00:00Z",
        period_end: "2026-11-01T00:00:00Z",
        metrics: [
          { name: "ctr", values: [0.02, 0.025, 0.03, 0.035] },
          { name: "cpl_usd", values: [40, 42, 44, 50], higher_is_better: false },
          { name: "signups", values: [100] },
        ],
        thresholds: { ctr: { target: 0.03 }, cpl_usd: { target: 40, acceptable: 45 }, signups: { target: 120 } },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = res.body.data;
    // ctr 0.035/0.03 = 1.167 (strength, capped at 1 in the score), cpl 40/50 = 0.8 below 40/45 = 0.889 (weakness),
    // signups 100/120 = 0.833 above the default 0.8 (adequate): score (1 + 0.8 + 0.8333)/3 = 87.78.
    expect(a.performance_score).toBe(87.78);
    expect(a.metrics.ctr).toMatchObject({
      status: "strength",
      trend: "improving",
      attainment: expect.closeTo(1.1667, 4),
    });
    expect(a.metrics.cpl_usd).toMatchObject({ status: "weakness", trend: "declining", attainment: 0.8 });
    expect(a.metrics.signups).toMatchObject({ status: "adequate", trend: "insufficient_data" });
    expect(a.trend_analysis.overall).toBe("mixed");
    expect(a.strengths).toEqual(["ctr: 0.035 against target 0.03 (117% of target; trend improving)"]);
    expect(a.weaknesses).toEqual(["cpl_usd: 50 against target 40 (80% of target; trend declining)"]);
    const [row] =
      await sql`select subject_type, campaign_id, performance_score::float8 as score from public.performance_analyses
                            where id = ${a.id} and workspace_id = ${ws}`;
    expect(row).toEqual({ subject_type: "campaign", campaign_id: campaign, score: 87.78 });
    const [event] = await sql`select payload from public.events where workspace_id = ${ws}
                              and event_type = 'performance.analyzed' and payload->>'analysis_id' = ${a.id}`;
    expect(event!.payload).toMatchObject({ performance_score: 87.78, trend: "mixed", strengths: 1, weaknesses: 1 });
  });

  it("reads a guild's recorded periods when no metrics are given", async () => {
    const res = await call<{ data: Analysis }>(USERS.oliver, seer(ws, "/analysis/performance"), {
      body: {
        subject_type: "guild",
        guild_id: guild,
        thresholds: { success_rate: { target: 0.9 }, avg_latency_ms: { target: 1200 } },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = res.body.data;
    // success 0.95/0.9 = 1.056 (strength, capped at 1); latency is better lower: 1200/1500 = 0.8, not below the
    // default acceptable 0.8 (adequate). Score (1 + 0.8)/2 = 90.
    expect(a.performance_score).toBe(90);
    expect(Object.keys(a.metrics)).toEqual(["success_rate", "avg_latency_ms"]);
    expect(a.metrics.success_rate).toMatchObject({ current: 0.95, status: "strength" });
    expect(a.metrics.avg_latency_ms).toMatchObject({ current: 1500, status: "adequate", attainment: 0.8 });
  });
});

describe("analyze_performance: errors", () => {
  it("names what is missing", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [
        { subject_type: "campaign", metrics: [{ name: "ctr", values: [1] }], thresholds: { ctr: { target: 1 } } },
        400,
        "campaign_id",
      ],
      [{ subject_type: "workspace", thresholds: { ctr: { target: 1 } } }, 400, "metrics"],
      [
        { subject_type: "workspace", metrics: [{ name: "ctr", values: [1] }], thresholds: { cpl: { target: 1 } } },
        400,
        "thresholds.ctr",
      ],
      [
        { subject_type: "workspace", metrics: [{ name: "ctr", values: [] }], thresholds: { ctr: { target: 1 } } },
        400,
        "metrics.0.values",
      ],
      [
        { subject_type: "workspace", metrics: [{ name: "ctr", values: [1] }], thresholds: { ctr: { target: 0 } } },
        400,
        "thresholds.ctr.target",
      ],
      [{ subject_type: "guild", guild_id: "", thresholds: { ctr: { target: 1 } } }, 400, "guild_id"],
    ];
    for (const [body, status, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, seer(ws, "/analysis/performance"), { body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(
        res.body.details.map((d) => d.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
  });

  it("names a threshold for a metric the guild never recorded, and 404s unknown subjects", async () => {
    const res = await call<ErrorBody>(USERS.oliver, seer(ws, "/analysis/performance"), {
      body: { subject_type: "guild", guild_id: guild, thresholds: { nps: { target: 50 } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({
      field: "thresholds.nps",
      message: expect.stringContaining("recorded: success_rate"),
    });
    const unknown = await call<ErrorBody>(USERS.oliver, seer(ws, "/analysis/performance"), {
      body: { subject_type: "guild", guild_id: crypto.randomUUID(), thresholds: { success_rate: { target: 1 } } },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("GUILD_NOT_FOUND");
  });
});

interface Recommendation {
  id: string;
  priority: string;
  priority_value: number;
  expected_impact: number;
  impact_points: number;
  implementation_effort: string;
  effort_points: number;
  success_probability: number;
  status: string;
}

describe("generate_recommendation", () => {
  it("prioritises by impact × probability ÷ effort and stores the inputs", async () => {
    const high = await call<{ data: Recommendation }>(USERS.oliver, seer(ws, "/recommendations/generate"), {
      body: {
        title: "Move webinar follow-ups to day 1",
        category: "timing",
        expected_impact: 8,
        success_probability: 0.75,
        implementation_effort: 2,
        campaign_id: campaign,
      },
    });
    expect(high.status, JSON.stringify(high.body)).toBe(201);
    // 8 × 0.75 ÷ 2 = 3 → high (≥ 2, < 4); impact 8 → 80 on the 0–100 scale; effort 2 → low.
    expect(high.body.data).toMatchObject({
      priority: "high",
      priority_value: 3,
      expected_impact: 80,
      impact_points: 8,
      implementation_effort: "low",
      effort_points: 2,
      success_probability: 0.75,
      status: "proposed",
    });
    const deferred = await call<{ data: Recommendation }>(USERS.oliver, seer(ws, "/recommendations/generate"), {
      body: {
        title: "Rebuild the pricing page",
        expected_impact: 3,
        success_probability: 0.5,
        implementation_effort: 6,
      },
    });
    // 3 × 0.5 ÷ 6 = 0.25 → deferred (costs more than twice what it returns); effort 6 → medium.
    expect(deferred.body.data).toMatchObject({
      priority: "deferred",
      priority_value: 0.25,
      implementation_effort: "medium",
    });

    const [event] = await sql`select payload from public.events where workspace_id = ${ws}
                              and event_type = 'recommendation.generated' and payload->>'recommendation_id' = ${high.body.data.id}`;
    expect(event!.payload).toMatchObject({ priority: "high", priority_value: 3, category: "timing" });
    const listed = await call<{ data: { items: Recommendation[] } }>(
      USERS.victor,
      seer(ws, "/recommendations?priority=high"),
    );
    expect(listed.body.data.items.map((r) => r.id)).toEqual([high.body.data.id]);
  });

  it("404s a cited forecast that does not exist and 400s scales out of range", async () => {
    const missing = await call<ErrorBody>(USERS.oliver, seer(ws, "/recommendations/generate"), {
      body: {
        title: "X",
        expected_impact: 5,
        success_probability: 0.5,
        implementation_effort: 5,
        forecast_id: crypto.randomUUID(),
      },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("FORECAST_NOT_FOUND");
    const bad = await call<ErrorBody>(USERS.oliver, seer(ws, "/recommendations/generate"), {
      body: { title: "X", expected_impact: 11, success_probability: 1.2, implementation_effort: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d) => d.field).sort()).toEqual([
      "expected_impact",
      "implementation_effort",
      "success_probability",
    ]);
  });
});
