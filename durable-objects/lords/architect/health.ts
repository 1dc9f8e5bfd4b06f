import type { ArchitectureAnalysis, ArchitectureThresholds } from "../../../shared/domain/architect/index.ts";

/** How much of each limit a component keeps, 0–1 (1 = within the limit). */
export interface HealthFactors {
  latency: number;
  error_rate: number;
  throughput: number;
}

/** A component's health 0–100 and the per-metric factors it is the product of. */
export interface Health {
  score: number;
  factors: HealthFactors;
}

/**
 * Health = 100 × the product of one factor per limit, each the share of the limit the
 * component stays within: min(1, limit ÷ p99 latency), min(1, limit ÷ mean error rate) and
 * min(1, median throughput ÷ floor). A component within every limit scores 100; one at twice
 * its latency limit scores 50; breaches compound (half the latency budget and half the error
 * budget → 25). A zero limit is met only by a zero observation; a zero throughput floor is
 * always met. Rounded to two decimals (the column's precision).
 */
export function componentHealth(analysis: ArchitectureAnalysis, limits: ArchitectureThresholds): Health {
  const within = (limit: number, observed: number) =>
    observed <= limit ? 1 : limit === 0 ? 0 : Math.min(1, limit / observed);
  const factors: HealthFactors = {
    latency: within(limits.latencyP99Ms, analysis.latency.percentiles.p99),
    error_rate: within(limits.errorRateMax, analysis.errorRate.mean),
    throughput:
      limits.throughputMinRps === 0 ? 1 : Math.min(1, analysis.throughput.percentiles.p50 / limits.throughputMinRps),
  };
  const score = 100 * factors.latency * factors.error_rate * factors.throughput;
  return { score: Math.round(score * 100) / 100, factors };
}
