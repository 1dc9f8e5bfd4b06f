import { describe, expect, it } from "vitest";
import { componentHealth } from "../../../../durable-objects/lords/architect/health.ts";
import { strategiesFor } from "../../../../durable-objects/lords/architect/optimize-component.ts";
import { requestField } from "../../../../durable-objects/lords/architect/request-fields.ts";
import { REQUEST_TYPES, ROUTING_TABLE } from "../../../../durable-objects/lords/architect/routing-table.ts";
import { getAgent } from "../../../../shared/agents/registry/index.ts";
import { analyzeArchitecture, DEFAULT_THRESHOLDS } from "../../../../shared/domain/architect/index.ts";
import { DomainInputError } from "../../../../shared/domain/errors.ts";
import { ApiError } from "../../../../shared/http/api-error.ts";

// The Architect's own algorithms beyond shared/domain, checked by hand.

describe("componentHealth", () => {
  it("is 100 × the product of the shares of each limit kept", () => {
    // Sorted latency 50, 60, 70, 80, 240: p99 at h = 3.96 is 80 + 0.96 × 160 = 233.6 ms.
    // Mean error rate 0.1 / 5 = 0.02; median throughput 12 ≥ 10.
    const analysis = analyzeArchitecture({
      latencyMs: [50, 60, 70, 80, 240],
      throughputRps: [12, 14, 12, 14, 12],
      errorRate: [0.01, 0.02, 0.03, 0.02, 0.02],
    });
    const health = componentHealth(analysis, DEFAULT_THRESHOLDS);
    expect(health.factors.latency).toBeCloseTo(100 / 233.6, 12);
    expect(health.factors.error_rate).toBeCloseTo(0.5, 12);
    expect(health.factors.throughput).toBe(1);
    // 100 × 0.428082… × 0.5 = 21.404… → 21.4
    expect(health.score).toBe(21.4);
  });

  it("is 100 within every limit, scales with a throughput shortfall, and 0 against a zero limit", () => {
    const healthy = analyzeArchitecture({ latencyMs: [10, 20], throughputRps: [50, 60], errorRate: [0, 0.005] });
    expect(componentHealth(healthy, DEFAULT_THRESHOLDS)).toEqual({
      score: 100,
      factors: { latency: 1, error_rate: 1, throughput: 1 },
    });
    // Median throughput 4 against a floor of 10 keeps 40% of it.
    const slow = analyzeArchitecture({ latencyMs: [10], throughputRps: [4], errorRate: [0] });
    expect(componentHealth(slow, DEFAULT_THRESHOLDS).score).toBe(40);
    // No error budget at all: any error fails it; no throughput floor: always met.
    const strict = { ...DEFAULT_THRESHOLDS, errorRateMax: 0, throughputMinRps: 0 };
    const failing = analyzeArchitecture({ latencyMs: [10], throughputRps: [0], errorRate: [0.001] }, strict);
    expect(componentHealth(failing, strict)).toEqual({
      score: 0,
      factors: { latency: 1, error_rate: 0, throughput: 1 },
    });
  });
});

describe("strategiesFor", () => {
  const inputs = {
    caching: { hitRatio: 0.5, targetHitRatio: 0.9, cacheLatencyMs: 5, originLatencyMs: 200 },
    queueing: { arrivalRate: 90, serviceRate: 50, servers: 2 },
    retries: { failureRate: 0.02, maxRetries: 2 },
  };

  it("ranks every target's strategies by estimated gain", () => {
    // Caching: 0.5·5 + 0.5·200 = 102.5 ms → 0.9·5 + 0.1·200 = 24.5 ms, gain 1 − 24.5/102.5 = 0.7610.
    // Scaling: ⌈90 / (50 · 0.7)⌉ = 3 instances; W = 1000/(50 − 45) = 200 ms → 1000/(50 − 30) = 50 ms, gain 0.75.
    // Retries: 0.02 → 0.02³ = 8e-6, gain 1 − 8e-6/0.02 = 0.9996.
    const { strategies, unaddressed } = strategiesFor(["latency", "error_rate"], inputs);
    expect(strategies.map((s) => [s.id, s.metric])).toEqual([
      ["retry_with_backoff", "error_rate"],
      ["caching", "latency"],
      ["horizontal_scaling", "latency"],
    ]);
    expect(strategies[0]?.estimatedGain).toBeCloseTo(0.9996, 12);
    expect(strategies[1]?.estimatedGain).toBeCloseTo(1 - 24.5 / 102.5, 12);
    expect(strategies[2]).toMatchObject({ before: 200, after: 50, estimatedGain: 0.75 });
    expect(unaddressed).toEqual([]);
  });

  it("reports a target without measurements as unaddressed, and fails when no target has any", () => {
    const { strategies, unaddressed } = strategiesFor(["latency", "error_rate"], { retries: inputs.retries });
    expect(strategies.map((s) => s.id)).toEqual(["retry_with_backoff"]);
    expect(unaddressed).toEqual([
      { metric: "latency", reason: "a latency bottleneck needs caching or queueing measurements to estimate gains" },
    ]);
    expect(() => strategiesFor(["throughput"], { retries: inputs.retries })).toThrow(ApiError);
  });

  it("names a bad measurement by its request field", () => {
    const bad = { caching: { ...inputs.caching, targetHitRatio: 0.2 } };
    try {
      strategiesFor(["latency"], bad);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainInputError);
      expect((err as DomainInputError).field).toBe("inputs.caching.target_hit_ratio");
    }
  });
});

describe("requestField", () => {
  it("turns domain paths into the request's snake_case dotted paths", () => {
    expect(requestField("objectives[2].effortPersonDays")).toBe("objectives.2.effort_person_days");
    expect(requestField("constraints.teamSize")).toBe("constraints.team_size");
    expect(requestField("thresholds.latencyP99Ms")).toBe("thresholds.latency_p99_ms");
    expect(requestField("organizationalGoals[0].weight")).toBe("organizational_goals.0.weight");
  });
});

describe("the routing table", () => {
  it("routes the spec's examples: new campaigns to RES-001 at high priority, competitive analysis to MTX-001/002", () => {
    expect(ROUTING_TABLE.new_campaign).toMatchObject({ guild: "research", agentCodes: ["RES-001"], priority: "high" });
    expect(ROUTING_TABLE.competitive_analysis).toMatchObject({
      guild: "matrix",
      agentCodes: ["MTX-001", "MTX-002"],
      priority: "normal",
    });
  });

  it("names only registered agents of the route's guild, and every route's agents read one input", () => {
    for (const type of REQUEST_TYPES) {
      const route = ROUTING_TABLE[type];
      const agents = route.agentCodes.map((code) => getAgent(code));
      expect(
        agents.every((agent) => agent !== undefined),
        type,
      ).toBe(true);
      expect(new Set(agents.map((agent) => agent?.guild)), type).toEqual(new Set([route.guild]));
      expect(new Set(agents.map((agent) => agent?.inputSchema)).size, type).toBe(1);
      expect(new Set(route.agentCodes).size, type).toBe(route.agentCodes.length);
    }
  });
});
