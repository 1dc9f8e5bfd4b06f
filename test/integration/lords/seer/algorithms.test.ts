import { describe, expect, it } from "vitest";
import { compileReport, type ReportForecast } from "../../../../durable-objects/lords/seer/compile-report.ts";
import { confidenceScore, seriesSummary } from "../../../../durable-objects/lords/seer/confidence.ts";
import { apiField, withApiFields } from "../../../../durable-objects/lords/seer/domain-fields.ts";
import { guildMetricHistories } from "../../../../durable-objects/lords/seer/guild-metrics.ts";
import { effortBand } from "../../../../durable-objects/lords/seer/recommendations.ts";
import { DomainInputError } from "../../../../shared/domain/errors.ts";

const withFit = (rSquared: number, relativeSpread: number) => ({
  fit: { rSquared, relativeSpread, residualStdError: 0, degreesOfFreedom: 1 },
});

describe("confidenceScore", () => {
  it("is the smaller of 1 − spread/0.5 and R² for a varying series", () => {
    const varying = [10, 20, 30, 40];
    expect(confidenceScore(withFit(0.6, 0.2236), varying)).toBeCloseTo(0.5528, 4); // min(0.5528, 0.6)
    expect(confidenceScore(withFit(0.3, 0.05), varying)).toBeCloseTo(0.3, 10); // min(0.9, 0.3)
    expect(confidenceScore(withFit(1, 0.6), varying)).toBe(0); // a miss above half the level: clamped to 0
  });

  it("ignores R² for a nearly flat series (sd under 10% of the level)", () => {
    // mean 100, sd of [99, 101, 100, 100] = 0.816: 0.8% of the level.
    expect(confidenceScore(withFit(0.01, 0.01), [99, 101, 100, 100])).toBeCloseTo(0.98, 10);
    expect(confidenceScore(withFit(0, 0), [0, 0, 0])).toBe(1);
  });

  it("summarises a series", () => {
    expect(seriesSummary([3, -1, 4, 1, 5])).toEqual({ length: 5, first: 3, last: 5, min: -1, max: 5, mean: 2.4 });
  });
});

describe("guildMetricHistories", () => {
  it("derives rates per execution, skipping idle periods and unrecorded values", () => {
    const metrics = guildMetricHistories([
      { executions: 10, successes: 8, avg_latency_ms: 2000, cost_usd: 1, quality_score: null },
      { executions: 0, successes: 0, avg_latency_ms: null, cost_usd: 0, quality_score: null },
      { executions: 40, successes: 38, avg_latency_ms: 1500, cost_usd: 3.2, quality_score: 90 },
    ]);
    expect(metrics).toEqual([
      { name: "success_rate", values: [0.8, 0.95] },
      { name: "avg_latency_ms", values: [2000, 1500], higherIsBetter: false },
      { name: "cost_per_execution", values: [0.1, 0.08], higherIsBetter: false },
      { name: "quality_score", values: [90] },
    ]);
    expect(guildMetricHistories([])).toEqual([]);
  });
});

describe("effortBand", () => {
  it("cuts the 1–10 scale into three spans of 3", () => {
    expect([1, 4, 4.01, 7, 7.5, 10].map(effortBand)).toEqual(["low", "low", "medium", "medium", "high", "high"]);
  });
});

describe("apiField / withApiFields", () => {
  it("turns domain paths into the API's", () => {
    expect(apiField("metrics[0].values", {})).toBe("metrics.0.values");
    expect(apiField("intervalLevel", { intervalLevel: "interval_level" })).toBe("interval_level");
    expect(apiField("assets[2].colors[1]", { assets: "asset" })).toBe("asset.2.colors.1");
    expect(() =>
      withApiFields(
        () => {
          throw new DomainInputError("sourceReliability", "must be at most 1");
        },
        { sourceReliability: "source_reliability" },
      ),
    ).toThrowError(expect.objectContaining({ field: "source_reliability", reason: "must be at most 1" }));
  });
});

describe("compileReport", () => {
  const forecast = (id: string, direction: string, confidence: number | null): ReportForecast => ({
    id,
    subject: id,
    metric: "m",
    forecast_type: "linear",
    trend_direction: direction,
    confidence_level: "high",
    confidence,
    current_value: 1,
    predicted_values: [{ value: 1 }, { value: 2 }],
    horizon_days: 2,
  });

  it("ranks risks and opportunities by seriousness and averages the confidences", () => {
    const report = compileReport(
      [forecast("a", "down", 0.5), forecast("b", "strongly_up", 0.9), forecast("c", "stable", null)],
      [
        {
          id: "t",
          intelligence_type: "competitive",
          title: "T",
          impact_score: 80,
          relevance_score: 50,
          threat_level: "critical",
          data: {},
        },
        {
          id: "o",
          intelligence_type: "market_trend",
          title: "O",
          impact_score: 60,
          relevance_score: 50,
          threat_level: "low",
          data: { opportunity_score: 24.99 },
        },
      ],
    );
    expect(report.risks.map((r) => [r.id, r.level])).toEqual([
      ["t", "critical"],
      ["a", "medium"],
    ]);
    // An opportunity score under 25 is not an opportunity.
    expect(report.opportunities.map((o) => [o.id, o.level])).toEqual([["b", "high"]]);
    expect(report.overall_confidence).toBe(0.7);
    expect(report.predictions[0]).toMatchObject({ forecast_id: "a", final_prediction: { value: 2 } });
    expect(report.summary).toBe(
      "3 predictions (1 rising, 1 falling, 1 stable); 2 intelligence items; 2 risks, 1 opportunity; overall confidence 0.70.",
    );
  });

  it("reports no confidence when nothing has one", () => {
    expect(compileReport([], []).overall_confidence).toBeNull();
  });
});
