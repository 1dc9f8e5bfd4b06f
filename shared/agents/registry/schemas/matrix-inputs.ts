import * as v from "valibot";
import { BrandContext, count, day, label, list, Observation, Point, percent, text, usd } from "./common.ts";

/** MTX-001 to 005 in: the competitors watched and what has been observed about them. */
export const CompetitorWatch = v.object({
  brand: BrandContext,
  competitors: list(label, 1, 10),
  observations: list(v.object({ competitor: label, ...Observation.entries }), 0, 200),
  since: day,
});

/** MTX-006 to 009 in: raw market signals. */
export const SignalFeed = v.object({
  brand: BrandContext,
  signals: list(
    v.object({
      ...Observation.entries,
      metric: v.optional(label),
      value: v.optional(v.number()),
    }),
    1,
    500,
  ),
  baselineWindowDays: count(1, 365),
});

/** MTX-010 in: a metric's series to scan for anomalies. */
export const MetricSeries = v.object({
  metric: label,
  series: list(Point, 7, 1000),
  seasonality: v.picklist(["none", "weekly", "monthly", "yearly"]),
});

/** MTX-011 to 015 in: recent events around the brand and what it is sensitive to. */
export const ThreatContext = v.object({
  brand: BrandContext,
  recentEvents: list(Observation, 0, 200),
  sensitivities: list(label, 0, 20),
});

/** MTX-017 in: a budget and its spend so far. */
export const BudgetStatus = v.object({
  budgetUsd: usd,
  periodStart: day,
  periodEnd: day,
  dailySpend: list(v.object({ date: day, spendUsd: usd }), 1, 366),
});

/** MTX-018 in: customer segments with their economics. */
export const CustomerSegments = v.object({
  segments: list(
    v.object({
      name: label,
      customers: count(1),
      averageOrderValueUsd: usd,
      ordersPerYear: v.pipe(v.number(), v.minValue(0)),
      monthlyChurnPct: percent,
    }),
    1,
    20,
  ),
});

/** MTX-019 in: conversions and the touchpoints that preceded them. */
export const TouchpointData = v.object({
  conversions: count(0),
  touchpoints: list(
    v.object({
      channel: label,
      impressions: count(0),
      clicks: count(0),
      spendUsd: usd,
      assistedConversions: count(0),
      lastTouchConversions: count(0),
    }),
    1,
    20,
  ),
});

/** MTX-020 in: a baseline, the levers that can move, and the question to answer. */
export const ScenarioQuestion = v.object({
  question: text(500),
  baseline: v.object({ metric: label, value: v.number() }),
  levers: list(v.object({ name: label, min: v.number(), max: v.number() }), 1, 8),
});
