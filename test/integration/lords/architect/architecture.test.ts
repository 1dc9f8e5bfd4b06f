import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnalyzedComponent, OptimizationPlan } from "../../../../functions/lords/architect/index.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { architectPath, architectWorkspace, eventsWith, expectData } from "./helpers.ts";

// Architecture analysis and optimisation through the real router: statistics, bottlenecks and
// health from submitted series, strategies chosen by bottleneck with gains from measurements.
const sql = testSql();
let ws: string;
const path = (suffix: string) => architectPath(ws, suffix);

beforeAll(async () => {
  ws = await architectWorkspace(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

/** Slow and failing: p99 latency 233.6 ms (> 2 × 100) and 2% errors (2 × 1%), throughput fine. */
const degraded = {
  latency_ms: [50, 60, 70, 80, 240],
  throughput_rps: [12, 14, 12, 14, 12],
  error_rate: [0.01, 0.02, 0.03, 0.02, 0.02],
};
// Within every limit, and no metric worsening (latency falls, throughput and errors flat).
const healthy = { latency_ms: [25, 20, 25, 20], throughput_rps: [40, 42, 41, 40], error_rate: [0, 0.001, 0, 0] };

const analyze = (metrics: Record<string, unknown> = degraded, extra: Record<string, unknown> = {}) =>
  expectData<AnalyzedComponent>(
    USERS.oliver,
    path("/architecture/analyze"),
    { body: { component_type: "api_layer", component_name: "Public API", metrics, ...extra } },
    201,
  );

const inputs = {
  caching: { hit_ratio: 0.5, target_hit_ratio: 0.9, cache_latency_ms: 5, origin_latency_ms: 200 },
  queueing: { arrival_rate: 90, service_rate: 50, servers: 2 },
  retries: { failure_rate: 0.02, max_retries: 2 },
};

describe("POST /architecture/analyze", () => {
  it("happy: percentiles, bottlenecks most severe first, health, stored with architecture.analyzed", async () => {
    const { analysis, summary, health } = await analyze();
    // Sorted 50, 60, 70, 80, 240 (type-7 percentiles): p50 70, p95 80 + 0.8 × 160 = 208, p99 233.6.
    expect(summary.latency.percentiles).toMatchObject({ min: 50, p50: 70, max: 240 });
    expect(summary.latency.percentiles.p95).toBeCloseTo(208, 9);
    expect(summary.latency.percentiles.p99).toBeCloseTo(233.6, 9);
    expect(summary.errorRate.mean).toBeCloseTo(0.02, 12);
    expect(summary.throughput.trend?.direction).toBe("flat");
    expect(summary.bottlenecks.map((b) => [b.metric, b.kind, b.severity])).toEqual([
      ["latency", "threshold_exceeded", "critical"],
      ["error_rate", "threshold_exceeded", "critical"],
    ]);
    // 100 × (100 / 233.6) × (0.01 / 0.02) × 1 = 21.40
    expect(health.score).toBe(21.4);
    expect(analysis).toMatchObject({
      workspace_id: ws,
      component_type: "api_layer",
      component_name: "Public API",
      analysis_kind: "analysis",
      latency_p95_ms: 208,
      throughput_rps: 12,
      error_rate: 0.02,
      health_score: 21.4,
      created_by: USERS.oliver.id,
      metrics: { thresholds: { latency_p99_ms: 100, error_rate_max: 0.01, throughput_min_rps: 10 }, healthy: false },
    });
    const [row] = await sql<{ health_score: string; findings: { metric: string }[] }[]>`
      select health_score::text, findings from public.architecture_analyses where id = ${analysis.id}`;
    expect(row?.health_score).toBe("21.40");
    expect(row?.findings.map((f) => f.metric)).toEqual(["latency", "error_rate"]);
    const events = await eventsWith(sql, ws, "analysis_id", analysis.id);
    expect(events).toEqual([
      expect.objectContaining({
        event_type: "architecture.analyzed",
        channel: "guild_data",
        lord: "architect",
        payload: expect.objectContaining({ health_score: 21.4, healthy: false }),
      }),
    ]);
  });

  it("happy: custom thresholds decide what a bottleneck is", async () => {
    const { summary, health } = await analyze(degraded, {
      thresholds: { latency_p99_ms: 250, error_rate_max: 0.05 },
    });
    expect(summary.bottlenecks.filter((b) => b.kind === "threshold_exceeded")).toEqual([]);
    expect(health.score).toBe(100);
  });

  it("error: bad series and thresholds are 400s naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ component_type: "mainframe", component_name: "x", metrics: degraded }, "component_type"],
      [
        { component_type: "cache", component_name: "x", metrics: { ...degraded, latency_ms: [] } },
        "metrics.latency_ms",
      ],
      [
        { component_type: "cache", component_name: "x", metrics: { ...degraded, error_rate: [0.1, 1.5] } },
        "metrics.error_rate.1",
      ],
      [
        { component_type: "cache", component_name: "x", metrics: { ...degraded, latency_ms: [-1] } },
        "metrics.latency_ms.0",
      ],
      [
        { component_type: "cache", component_name: "x", metrics: degraded, thresholds: { error_rate_max: 2 } },
        "thresholds.error_rate_max",
      ],
      [{ component_type: "cache", component_name: "x" }, "metrics"],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, path("/architecture/analyze"), { body });
      expect(res.status, field).toBe(400);
      expect(
        res.body.details.map((d) => d.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
  });

  it("security: a viewer may not analyze (403); a non-member gets 404", async () => {
    const body = { component_type: "cache", component_name: "Redis", metrics: healthy };
    expect((await call(USERS.victor, path("/architecture/analyze"), { body })).status).toBe(403);
    expect((await call(USERS.gina, path("/architecture/analyze"), { body })).status).toBe(404);
  });
});

describe("POST /architecture/optimize", () => {
  it("happy: from a stored analysis, strategies per bottleneck ranked by gain computed from the measurements", async () => {
    const { analysis } = await analyze();
    const plan = await expectData<OptimizationPlan>(
      USERS.oliver,
      path("/architecture/optimize"),
      { body: { analysis_id: analysis.id, inputs } },
      201,
    );
    expect(plan.strategies.map((s) => [s.id, s.metric])).toEqual([
      ["retry_with_backoff", "error_rate"],
      ["caching", "latency"],
      ["horizontal_scaling", "latency"],
    ]);
    expect(plan.unaddressed).toEqual([]);
    // Best gain 1 − 0.02³/0.02 = 0.9996 → 99.96%.
    expect(plan.analysis).toMatchObject({
      analysis_kind: "optimization",
      component_type: "api_layer",
      component_name: "Public API",
      expected_improvement_percent: 99.96,
      latency_p95_ms: 208,
      health_score: 21.4,
      metrics: { source_analysis_id: analysis.id, targets: ["latency", "error_rate"] },
    });
    const events = await eventsWith(sql, ws, "analysis_id", plan.analysis.id);
    expect(events.map((e) => [e.event_type, e.payload.source_analysis_id])).toEqual([
      ["architecture.optimized", analysis.id],
    ]);
  });

  it("happy: series analysed on the spot; a metric without measurements is reported unaddressed", async () => {
    const plan = await expectData<OptimizationPlan>(
      USERS.oliver,
      path("/architecture/optimize"),
      {
        body: {
          component_type: "database",
          component_name: "Postgres",
          metrics: degraded,
          inputs: { retries: inputs.retries },
        },
      },
      201,
    );
    expect(plan.strategies.map((s) => s.id)).toEqual(["retry_with_backoff"]);
    expect(plan.unaddressed.map((u) => u.metric)).toEqual(["latency"]);
    expect(plan.analysis.health_score).toBe(21.4);
  });

  it("happy: a named throughput bottleneck is scaled, and a gain above 100% is kept", async () => {
    // λ 300, μ 50, 2 instances: ⌈300 / 35⌉ = 9 instances, capacity 100 → 450 req/s, +350%.
    const plan = await expectData<OptimizationPlan>(
      USERS.oliver,
      path("/architecture/optimize"),
      {
        body: {
          component_type: "message_bus",
          component_name: "RaptorBus",
          bottleneck: "throughput",
          inputs: { queueing: { arrival_rate: 300, service_rate: 50, servers: 2 } },
        },
      },
      201,
    );
    expect(plan.strategies).toEqual([
      expect.objectContaining({
        id: "horizontal_scaling",
        metric: "throughput",
        before: 100,
        after: 450,
        estimatedGain: 3.5,
      }),
    ]);
    expect(plan.analysis.expected_improvement_percent).toBe(350);
    expect(plan.analysis.latency_p95_ms).toBeNull();
  });

  it("error: nothing to optimise, missing measurements and contradictory sources are 400s naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ component_type: "cache", component_name: "Redis", metrics: healthy, inputs }, "bottleneck"],
      [{ component_type: "cache", component_name: "Redis", metrics: degraded, inputs: {} }, "inputs"],
      [{ component_type: "cache", component_name: "Redis", inputs }, "metrics"],
      [{ component_name: "Redis", bottleneck: "latency", inputs }, "component_type"],
      [
        {
          component_type: "cache",
          component_name: "Redis",
          bottleneck: "latency",
          inputs: { caching: { ...inputs.caching, target_hit_ratio: 0.1 } },
        },
        "inputs.caching.target_hit_ratio",
      ],
      [
        {
          component_type: "cache",
          component_name: "Redis",
          bottleneck: "latency",
          inputs: { retries: { failure_rate: 0.1, max_retries: 9 } },
        },
        "inputs.retries.max_retries",
      ],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, path("/architecture/optimize"), { body });
      expect(res.status, field).toBe(400);
      expect(
        res.body.details.map((d) => d.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
    const { analysis } = await analyze();
    const both = await call<ErrorBody>(USERS.oliver, path("/architecture/optimize"), {
      body: { analysis_id: analysis.id, metrics: degraded, inputs },
    });
    expect(both.status).toBe(400);
    expect(both.body.details[0]?.field).toBe("metrics");
  });

  it("security: a viewer may not optimise (403); another workspace's analysis is 404", async () => {
    const { analysis } = await analyze();
    expect(
      (await call(USERS.victor, path("/architecture/optimize"), { body: { analysis_id: analysis.id, inputs } })).status,
    ).toBe(403);
    const foreign = await call<ErrorBody>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/architect/architecture/optimize`,
      { body: { analysis_id: analysis.id, inputs } },
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe("ANALYSIS_NOT_FOUND");
  });
});
