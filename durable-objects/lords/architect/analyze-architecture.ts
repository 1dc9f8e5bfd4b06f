import * as v from "valibot";
import { name, strictBody } from "../../../functions/campaigns/fields.ts";
import {
  type ArchitectureAnalysis,
  type ArchitectureThresholds,
  analyzeArchitecture as analyze,
  DEFAULT_THRESHOLDS,
} from "../../../shared/domain/architect/index.ts";
import { defineCapability } from "../capability.ts";
import { type AnalysisView, insertAnalysis } from "./analysis-rows.ts";
import { componentHealth, type Health } from "./health.ts";
import { componentType, initiativeLink, MetricsInput, ThresholdsInput } from "./inputs.ts";
import { inRequestTerms, requestField } from "./request-fields.ts";

/** `POST /architecture/analyze`: a component and its observed series. */
export const AnalyzeArchitectureInput = strictBody({
  component_type: componentType,
  component_name: name("component_name"),
  metrics: MetricsInput,
  thresholds: v.optional(ThresholdsInput),
  ...initiativeLink,
});

/** The stored analysis (its `metrics` hold the limits used), the statistics behind it and its health factors. */
export interface AnalyzedComponent {
  analysis: AnalysisView;
  summary: ArchitectureAnalysis;
  health: Health;
}

/** The limits a request sets, over the platform defaults. */
export function limitsOf(thresholds: v.InferOutput<typeof ThresholdsInput> | undefined): ArchitectureThresholds {
  return {
    latencyP99Ms: thresholds?.latency_p99_ms ?? DEFAULT_THRESHOLDS.latencyP99Ms,
    errorRateMax: thresholds?.error_rate_max ?? DEFAULT_THRESHOLDS.errorRateMax,
    throughputMinRps: thresholds?.throughput_min_rps ?? DEFAULT_THRESHOLDS.throughputMinRps,
  };
}

/** Runs the analysis of submitted series, naming bad samples by their request field (`metrics.latency_ms.3`). */
export function analyzeSeries(metrics: MetricsInput, limits: ArchitectureThresholds): ArchitectureAnalysis {
  return inRequestTerms(
    () =>
      analyze(
        { latencyMs: metrics.latency_ms, throughputRps: metrics.throughput_rps, errorRate: metrics.error_rate },
        limits,
      ),
    (field) => (field.startsWith("thresholds") ? requestField(field) : `metrics.${requestField(field)}`),
  );
}

/** The figures an analysis row keeps: percentiles, spread and trend per metric, and the limits used. */
export function analysisMetrics(summary: ArchitectureAnalysis, limits: ArchitectureThresholds, health: Health) {
  return {
    thresholds: {
      latency_p99_ms: limits.latencyP99Ms,
      error_rate_max: limits.errorRateMax,
      throughput_min_rps: limits.throughputMinRps,
    },
    latency_ms: summary.latency,
    throughput_rps: summary.throughput,
    error_rate: summary.errorRate,
    health_factors: health.factors,
    healthy: summary.healthy,
  };
}

/**
 * Analyses a component from its latency, throughput and error-rate series: percentiles, mean,
 * spread and least-squares trend per metric; bottlenecks against the thresholds (and significant
 * worsening trends within them); a health score from how far each limit is exceeded. Stores the
 * analysis (p95 latency, median throughput, mean error rate as its headline figures).
 */
export const analyzeArchitecture = defineCapability({
  name: "analyze_architecture",
  description: "Analyses a component's latency, throughput and error-rate series: percentiles, bottlenecks, trend",
  input: AnalyzeArchitectureInput,
  mutates: true,
  async handler(input, ctx): Promise<AnalyzedComponent> {
    const limits = limitsOf(input.thresholds);
    const summary = analyzeSeries(input.metrics, limits);
    const health = componentHealth(summary, limits);
    const analysis = await ctx.transaction(async (tx, emit) => {
      const stored = await insertAnalysis(tx, ctx.workspaceId, ctx.actor.userId, {
        component_type: input.component_type,
        component_name: input.component_name,
        analysis_kind: "analysis",
        latency_p95_ms: summary.latency.percentiles.p95,
        throughput_rps: summary.throughput.percentiles.p50,
        error_rate: summary.errorRate.mean,
        health_score: health.score,
        metrics: analysisMetrics(summary, limits, health),
        findings: summary.bottlenecks,
        optimization_strategies: [],
        expected_improvement_percent: null,
        initiative_id: input.initiative_id ?? null,
      });
      await emit("architecture.analyzed", {
        analysis_id: stored.id,
        component_type: stored.component_type,
        component_name: stored.component_name,
        health_score: stored.health_score,
        healthy: summary.healthy,
        bottlenecks: summary.bottlenecks.map((b) => ({ metric: b.metric, kind: b.kind, severity: b.severity })),
      });
      return stored;
    });
    ctx.state.count("architecture_analyses");
    if (!summary.healthy) ctx.state.count("bottlenecks_detected", summary.bottlenecks.length);
    return { analysis, summary, health };
  },
});
