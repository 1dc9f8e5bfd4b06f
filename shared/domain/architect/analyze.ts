import { DomainInputError } from "../errors.ts";
import { mean, type PercentileSummary, percentileSummary, regressOnIndex, stddev } from "../statistics/index.ts";
import { requireInRange, requireNonNegative } from "../validate.ts";

/** Observed series for one component, oldest first. Error rate is a fraction (0.02 = 2%). */
export interface ArchitectureMetrics {
  latencyMs: number[];
  throughputRps: number[];
  errorRate: number[];
}

/** Limits a healthy component stays within. */
export interface ArchitectureThresholds {
  /** p99 latency ceiling; default 100 ms, the platform SLA (API responses under 100 ms for 99% of requests). */
  latencyP99Ms: number;
  /** Mean error-rate ceiling; default 1%, the error budget of a 99% success objective. */
  errorRateMax: number;
  /**
   * Median throughput floor, for series measured at capacity; default 10 req/s, the platform's 10+ concurrent users
   * at about one request per second each. Set 0 to disable when throughput only reflects demand.
   */
  throughputMinRps: number;
}

/** Default thresholds (see ArchitectureThresholds for where each comes from). */
export const DEFAULT_THRESHOLDS: ArchitectureThresholds = {
  latencyP99Ms: 100,
  errorRateMax: 0.01,
  throughputMinRps: 10,
};

/** Least-squares trend of a metric over its index; `worsening` reads the direction through the metric's meaning. */
export interface MetricTrend {
  direction: "rising" | "falling" | "flat";
  slopePerSample: number;
  pValue: number;
  significant: boolean;
  worsening: boolean;
}

/** Summary statistics of one metric; trend is null below 3 samples, stddev below 2. */
export interface MetricSummary {
  samples: number;
  mean: number;
  stddev: number | null;
  percentiles: PercentileSummary;
  trend: MetricTrend | null;
}

/** A detected bottleneck. */
export interface Bottleneck {
  metric: "latency" | "throughput" | "error_rate";
  kind: "threshold_exceeded" | "degrading_trend";
  statistic: "p99" | "mean" | "p50" | "slope";
  observed: number;
  threshold: number;
  severity: "critical" | "high" | "medium" | "low";
  message: string;
}

/** The analysis: per-metric summaries and bottlenecks, most severe first. */
export interface ArchitectureAnalysis {
  latency: MetricSummary;
  throughput: MetricSummary;
  errorRate: MetricSummary;
  bottlenecks: Bottleneck[];
  healthy: boolean;
}

const SEVERITY_ORDER = ["critical", "high", "medium", "low"] as const;

/**
 * Percentiles, mean, spread and trend per metric, then bottlenecks: a threshold breach is critical at ≥ 2× the
 * limit (or ≤ half the throughput floor), high at ≥ 1.5×, medium above it; a significant worsening trend
 * (p < 0.05) on a metric still within its limit is a low-severity early warning.
 */
export function analyzeArchitecture(
  metrics: ArchitectureMetrics,
  thresholds: Partial<ArchitectureThresholds> = {},
): ArchitectureAnalysis {
  const limits = { ...DEFAULT_THRESHOLDS, ...thresholds };
  requireNonNegative("thresholds.latencyP99Ms", limits.latencyP99Ms);
  requireInRange("thresholds.errorRateMax", limits.errorRateMax, 0, 1);
  requireNonNegative("thresholds.throughputMinRps", limits.throughputMinRps);
  const latency = summarise("latencyMs", metrics.latencyMs, (v, f) => requireNonNegative(f, v), "up");
  const throughput = summarise("throughputRps", metrics.throughputRps, (v, f) => requireNonNegative(f, v), "down");
  const errorRate = summarise("errorRate", metrics.errorRate, (v, f) => requireInRange(f, v, 0, 1), "up");
  const bottlenecks: Bottleneck[] = [];
  const breach = (b: Omit<Bottleneck, "kind" | "severity">, ratio: number) => {
    if (ratio > 1) bottlenecks.push({ ...b, kind: "threshold_exceeded", severity: severityOf(ratio) });
    return ratio > 1;
  };
  const latencyBreached = breach(
    {
      metric: "latency",
      statistic: "p99",
      observed: latency.percentiles.p99,
      threshold: limits.latencyP99Ms,
      message: `p99 latency ${round(latency.percentiles.p99)} ms exceeds ${limits.latencyP99Ms} ms`,
    },
    limits.latencyP99Ms === 0 ? Number.POSITIVE_INFINITY : latency.percentiles.p99 / limits.latencyP99Ms,
  );
  const errorsBreached = breach(
    {
      metric: "error_rate",
      statistic: "mean",
      observed: errorRate.mean,
      threshold: limits.errorRateMax,
      message: `mean error rate ${pct(errorRate.mean)} exceeds ${pct(limits.errorRateMax)}`,
    },
    limits.errorRateMax === 0
      ? errorRate.mean > 0
        ? Number.POSITIVE_INFINITY
        : 0
      : errorRate.mean / limits.errorRateMax,
  );
  const throughputBreached = breach(
    {
      metric: "throughput",
      statistic: "p50",
      observed: throughput.percentiles.p50,
      threshold: limits.throughputMinRps,
      message: `median throughput ${round(throughput.percentiles.p50)} req/s is below ${limits.throughputMinRps} req/s`,
    },
    limits.throughputMinRps === 0
      ? 0
      : throughput.percentiles.p50 === 0
        ? Number.POSITIVE_INFINITY
        : limits.throughputMinRps / throughput.percentiles.p50,
  );
  const early: [Bottleneck["metric"], MetricSummary, boolean, string][] = [
    ["latency", latency, latencyBreached, "latency is rising"],
    ["throughput", throughput, throughputBreached, "throughput is falling"],
    ["error_rate", errorRate, errorsBreached, "error rate is rising"],
  ];
  for (const [metric, summary, breached, what] of early) {
    if (breached || !summary.trend?.worsening) continue;
    bottlenecks.push({
      metric,
      kind: "degrading_trend",
      statistic: "slope",
      observed: summary.trend.slopePerSample,
      threshold: 0,
      severity: "low",
      message: `${what} significantly (p = ${summary.trend.pValue.toPrecision(2)}) though still within its limit`,
    });
  }
  bottlenecks.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return { latency, throughput, errorRate, bottlenecks, healthy: bottlenecks.length === 0 };
}

function summarise(
  field: string,
  values: readonly number[],
  check: (v: number, field: string) => number,
  worseWhen: "up" | "down",
): MetricSummary {
  if (!Array.isArray(values) || values.length === 0) {
    throw new DomainInputError(field, "needs at least 1 sample");
  }
  values.forEach((v, i) => {
    check(v, `${field}[${i}]`);
  });
  let trend: MetricTrend | null = null;
  if (values.length >= 3) {
    const fit = regressOnIndex(values, field);
    const significant = fit.pValue < 0.05 && fit.slope !== 0;
    const direction = !significant ? "flat" : fit.slope > 0 ? "rising" : "falling";
    trend = {
      direction,
      slopePerSample: fit.slope,
      pValue: fit.pValue,
      significant,
      worsening: direction === (worseWhen === "up" ? "rising" : "falling"),
    };
  }
  return {
    samples: values.length,
    mean: mean(values, field),
    stddev: values.length >= 2 ? stddev(values, { field }) : null,
    percentiles: percentileSummary(values, field),
    trend,
  };
}

function severityOf(ratio: number): Bottleneck["severity"] {
  return ratio >= 2 ? "critical" : ratio >= 1.5 ? "high" : "medium";
}

const round = (x: number) => Math.round(x * 10) / 10;
const pct = (x: number) => `${round(x * 100)}%`;
