import * as v from "valibot";
import { integer, name, oneOf, strictBody, uuid } from "../../../functions/campaigns/fields.ts";
import {
  type Bottleneck,
  type OptimizationInputs,
  type OptimizationStrategy,
  optimizationStrategies,
} from "../../../shared/domain/architect/index.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { type AnalysisView, insertAnalysis, loadAnalysis } from "./analysis-rows.ts";
import { analysisMetrics, analyzeSeries, limitsOf } from "./analyze-architecture.ts";
import { componentHealth } from "./health.ts";
import { bounded, componentType, initiativeLink, MetricsInput, positive, ThresholdsInput } from "./inputs.ts";
import { inRequestTerms } from "./request-fields.ts";

const METRICS = ["latency", "throughput", "error_rate"] as const;
type Metric = (typeof METRICS)[number];

/** The measurements gains are computed from; each strategy needs its own block. */
export const OptimizationInputsInput = strictBody({
  caching: v.optional(
    strictBody({
      hit_ratio: bounded("inputs.caching.hit_ratio", 0, 1),
      target_hit_ratio: bounded("inputs.caching.target_hit_ratio", 0, 1),
      cache_latency_ms: bounded("inputs.caching.cache_latency_ms", 0),
      origin_latency_ms: positive("inputs.caching.origin_latency_ms"),
    }),
  ),
  queueing: v.optional(
    strictBody({
      arrival_rate: bounded("inputs.queueing.arrival_rate", 0),
      service_rate: positive("inputs.queueing.service_rate"),
      servers: v.optional(integer("inputs.queueing.servers", 1, 100_000)),
      target_utilisation: v.optional(bounded("inputs.queueing.target_utilisation", 0.05, 0.95)),
    }),
  ),
  retries: v.optional(
    strictBody({
      failure_rate: bounded("inputs.retries.failure_rate", 0, 1),
      max_retries: integer("inputs.retries.max_retries", 1, 5),
    }),
  ),
});

/**
 * `POST /architecture/optimize`: the component's bottlenecks come from a stored analysis
 * (`analysis_id`), from series analysed now (`metrics`), or are named (`bottleneck`).
 */
export const OptimizeComponentInput = strictBody({
  component_type: v.optional(componentType),
  component_name: v.optional(name("component_name")),
  analysis_id: v.optional(uuid("analysis_id")),
  metrics: v.optional(MetricsInput),
  thresholds: v.optional(ThresholdsInput),
  bottleneck: v.optional(oneOf(METRICS, "bottleneck")),
  inputs: OptimizationInputsInput,
  ...initiativeLink,
});
type OptimizeComponentInput = v.InferOutput<typeof OptimizeComponentInput>;

/** A bottleneck no strategy could be estimated for, and why. */
export interface Unaddressed {
  metric: Metric;
  reason: string;
}

/** The stored plan: strategies best first, and the bottlenecks left without one. */
export interface OptimizationPlan {
  analysis: AnalysisView;
  strategies: OptimizationStrategy[];
  unaddressed: Unaddressed[];
}

/**
 * Chooses optimisation strategies by bottleneck — caching or horizontal scaling for latency,
 * scaling for throughput, retries with backoff for errors — with each gain computed from the
 * measurements given (M/M/1 queueing, hit-ratio mix, p^(r+1) failure). Bottlenecks are taken
 * most severe first; the plan is stored with its best estimated gain.
 */
export const optimizeComponent = defineCapability({
  name: "optimize_component",
  description:
    "Chooses optimisation strategies for a component's bottlenecks with gains computed from its measurements",
  input: OptimizeComponentInput,
  mutates: true,
  async handler(input, ctx): Promise<OptimizationPlan> {
    const source = await sourceOf(input, (id) => ctx.transaction((tx) => loadAnalysis(tx, ctx.workspaceId, id)));
    const targets: Metric[] = input.bottleneck
      ? [input.bottleneck]
      : [...new Set(source.bottlenecks.map((b) => b.metric))];
    if (targets.length === 0) {
      throw ApiError.validation([
        { field: "bottleneck", message: "the component shows no bottleneck; name one to optimise anyway" },
      ]);
    }
    const { strategies, unaddressed } = strategiesFor(targets, domainInputs(input.inputs));
    const best = strategies[0];
    const gain = best?.estimatedGain;

    const analysis = await ctx.transaction(async (tx, emit) => {
      const stored = await insertAnalysis(tx, ctx.workspaceId, ctx.actor.userId, {
        component_type: source.componentType,
        component_name: source.componentName,
        analysis_kind: "optimization",
        latency_p95_ms: source.headline.latency_p95_ms,
        throughput_rps: source.headline.throughput_rps,
        error_rate: source.headline.error_rate,
        health_score: source.headline.health_score,
        metrics: { source_analysis_id: input.analysis_id ?? null, ...source.metrics, inputs: input.inputs, targets },
        findings: targets.map((metric) => source.bottlenecks.find((b) => b.metric === metric) ?? { metric }),
        optimization_strategies: strategies,
        expected_improvement_percent: gain === undefined || gain === null ? null : Math.round(gain * 10_000) / 100,
        initiative_id: input.initiative_id ?? null,
      });
      await emit("architecture.optimized", {
        analysis_id: stored.id,
        source_analysis_id: input.analysis_id ?? null,
        component_type: stored.component_type,
        component_name: stored.component_name,
        strategies: strategies.map((s) => ({ id: s.id, metric: s.metric, estimated_gain: s.estimatedGain })),
        expected_improvement_percent: stored.expected_improvement_percent,
        unaddressed: unaddressed.map((u) => u.metric),
      });
      return stored;
    });
    ctx.state.count("optimizations_planned");
    return { analysis, strategies, unaddressed };
  },
});

interface Source {
  componentType: AnalysisView["component_type"];
  componentName: string;
  bottlenecks: Pick<Bottleneck, "metric">[];
  headline: Pick<AnalysisView, "latency_p95_ms" | "throughput_rps" | "error_rate" | "health_score">;
  metrics: Record<string, unknown>;
}

// Where the bottlenecks come from: a stored analysis, series analysed now, or only the named one.
async function sourceOf(input: OptimizeComponentInput, load: (id: string) => Promise<AnalysisView>): Promise<Source> {
  if (input.analysis_id && input.metrics) {
    throw ApiError.validation([{ field: "metrics", message: "give either analysis_id or metrics, not both" }]);
  }
  if (input.analysis_id) {
    const row = await load(input.analysis_id);
    const findings = Array.isArray(row.findings) ? row.findings : [];
    return {
      componentType: input.component_type ?? row.component_type,
      componentName: input.component_name ?? row.component_name,
      bottlenecks: findings.filter(isBottleneck),
      headline: row,
      metrics: {},
    };
  }
  const missing = (["component_type", "component_name"] as const).filter((field) => input[field] === undefined);
  if (missing.length > 0) {
    throw ApiError.validation(missing.map((field) => ({ field, message: "is required without analysis_id" })));
  }
  if (!input.metrics && !input.bottleneck) {
    throw ApiError.validation([
      { field: "metrics", message: "give analysis_id, metrics or bottleneck to say what to optimise" },
    ]);
  }
  const base = { componentType: input.component_type!, componentName: input.component_name! };
  if (!input.metrics) {
    const none = { latency_p95_ms: null, throughput_rps: null, error_rate: null, health_score: null };
    return { ...base, bottlenecks: [], headline: none, metrics: {} };
  }
  const limits = limitsOf(input.thresholds);
  const summary = analyzeSeries(input.metrics, limits);
  const health = componentHealth(summary, limits);
  return {
    ...base,
    bottlenecks: summary.bottlenecks,
    headline: {
      latency_p95_ms: summary.latency.percentiles.p95,
      throughput_rps: summary.throughput.percentiles.p50,
      error_rate: summary.errorRate.mean,
      health_score: health.score,
    },
    metrics: analysisMetrics(summary, limits, health),
  };
}

function isBottleneck(value: unknown): value is Pick<Bottleneck, "metric"> {
  return (
    typeof value === "object" &&
    value !== null &&
    (METRICS as readonly unknown[]).includes((value as { metric?: unknown }).metric)
  );
}

/**
 * Strategies for each target metric, best estimated gain first overall (an unbounded gain,
 * from a queue that is now unstable, ranks first). A metric whose measurements are missing is
 * reported as unaddressed; when none can be addressed that is the request's error.
 */
export function strategiesFor(
  targets: readonly Metric[],
  inputs: OptimizationInputs,
): { strategies: OptimizationStrategy[]; unaddressed: Unaddressed[] } {
  const strategies: OptimizationStrategy[] = [];
  const unaddressed: Unaddressed[] = [];
  for (const metric of targets) {
    try {
      strategies.push(...inRequestTerms(() => optimizationStrategies({ metric }, inputs)));
    } catch (err) {
      // The domain names `inputs` itself only when a metric's measurements are missing altogether.
      if (err instanceof DomainInputError && err.field === "inputs") unaddressed.push({ metric, reason: err.reason });
      else throw err;
    }
  }
  if (strategies.length === 0) {
    throw ApiError.validation(unaddressed.map((u) => ({ field: "inputs", message: u.reason })));
  }
  const rank = (s: OptimizationStrategy) => s.estimatedGain ?? Number.POSITIVE_INFINITY;
  return { strategies: strategies.sort((a, b) => rank(b) - rank(a)), unaddressed };
}

function domainInputs(inputs: OptimizeComponentInput["inputs"]): OptimizationInputs {
  const { caching, queueing, retries } = inputs;
  return {
    ...(caching && {
      caching: {
        hitRatio: caching.hit_ratio,
        targetHitRatio: caching.target_hit_ratio,
        cacheLatencyMs: caching.cache_latency_ms,
        originLatencyMs: caching.origin_latency_ms,
      },
    }),
    ...(queueing && {
      queueing: {
        arrivalRate: queueing.arrival_rate,
        serviceRate: queueing.service_rate,
        servers: queueing.servers,
        targetUtilisation: queueing.target_utilisation,
      },
    }),
    ...(retries && { retries: { failureRate: retries.failure_rate, maxRetries: retries.max_retries } }),
  };
}
