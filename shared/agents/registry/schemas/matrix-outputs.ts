import * as v from "valibot";
import { count, day, label, level, list, percent, platform, sentiment, severity, text, unit, usd } from "./common.ts";

/** MTX-001/003 out: dated competitor changes with their significance. */
export const CompetitorChangeLog = v.object({
  changes: list(
    v.object({
      competitor: label,
      changeType: v.picklist(["pricing", "product", "messaging", "campaign", "hiring", "partnership", "channel"]),
      description: text(500),
      detectedAt: day,
      significance: severity,
      recommendedResponse: text(400),
    }),
    0,
    50,
  ),
  summary: text(800),
});

/** MTX-002 out: competitors' ads and the patterns in them. */
export const AdIntelligence = v.object({
  ads: list(
    v.object({
      competitor: label,
      platform,
      angle: text(300),
      offer: v.nullable(text(200)),
      creativeFormat: label,
      spendLevel: level,
      firstSeen: day,
    }),
    0,
    50,
  ),
  patterns: list(text(400), 0, 8),
  counterAngles: list(text(400), 0, 6),
});

/** MTX-004 out: share of voice and its drivers. */
export const ShareOfVoice = v.object({
  shares: list(v.object({ brand: label, sharePct: percent, trend: v.picklist(["up", "down", "flat"]) }), 1, 12),
  drivers: list(text(400), 0, 8),
  recommendation: text(600),
});

/** MTX-005 out: a sales and marketing battlecard. */
export const Battlecard = v.object({
  competitor: label,
  positioningSummary: text(500),
  whyWeWin: list(text(300), 1, 6),
  whereTheyWin: list(text(300), 0, 6),
  objectionHandling: list(v.object({ objection: text(300), response: text(500) }), 1, 8),
  landmineQuestions: list(text(300), 0, 6),
});

/** MTX-006/007 out: signals separated from noise. */
export const MarketSignals = v.object({
  signals: list(
    v.object({
      signal: text(300),
      source: label,
      strength: unit,
      direction: v.picklist(["rising", "falling", "stable"]),
      relevance: unit,
      interpretation: text(400),
    }),
    0,
    50,
  ),
  discardedAsNoise: count(0),
});

/** MTX-008 out: how sentiment moved, by topic. */
export const SentimentShift = v.object({
  baselineSentiment: sentiment,
  currentSentiment: sentiment,
  shifts: list(
    v.object({
      topic: label,
      delta: v.pipe(v.number(), v.minValue(-2), v.maxValue(2)),
      drivers: list(text(300), 1, 4),
      firstObserved: day,
    }),
    0,
    12,
  ),
  alertLevel: v.picklist(["none", "watch", "alert"]),
});

/** MTX-009 out: news that matters, and what to do about it. */
export const NewsBrief = v.object({
  events: list(
    v.object({
      headline: text(300),
      date: day,
      source: label,
      relevance: unit,
      implication: text(400),
      recommendedAction: text(300),
    }),
    0,
    30,
  ),
});

/** MTX-010 out: anomalies with expected ranges and likely causes. */
export const Anomalies = v.object({
  anomalies: list(
    v.object({
      date: day,
      observed: v.number(),
      expectedLow: v.number(),
      expectedHigh: v.number(),
      severity,
      likelyCauses: list(text(300), 1, 4),
    }),
    0,
    50,
  ),
  method: text(400),
});

/** MTX-011/013/015 out: threats with likelihood, impact and mitigation. */
export const ThreatAssessment = v.object({
  threats: list(
    v.object({
      threat: text(400),
      category: v.picklist(["competitive", "reputational", "regulatory", "platform", "operational", "security"]),
      likelihood: unit,
      impact: severity,
      timeframe: v.picklist(["immediate", "weeks", "months"]),
      indicators: list(text(300), 1, 5),
      mitigation: text(500),
    }),
    0,
    20,
  ),
  overallRisk: severity,
});

/** MTX-012 out: crisis level and the response plan. */
export const CrisisAssessment = v.object({
  crisisLevel: v.picklist(["none", "watch", "incident", "crisis"]),
  triggers: list(text(300), 0, 8),
  affectedAudiences: list(label, 0, 8),
  holdingStatement: v.nullable(text(800)),
  actions: list(v.object({ action: text(300), owner: label, withinHours: count(0, 168) }), 0, 10),
  escalateTo: list(label, 0, 5),
});

/** MTX-014 out: false narratives and how to respond to each. */
export const MisinformationReport = v.object({
  narratives: list(
    v.object({
      narrative: text(400),
      spread: level,
      originSignals: list(text(300), 0, 5),
      correction: text(500),
      response: v.picklist(["ignore", "monitor", "correct", "escalate"]),
    }),
    0,
    12,
  ),
});

/** MTX-017 out: where spend is heading against budget. */
export const BudgetPacing = v.object({
  projectedSpendUsd: usd,
  projectedVarianceUsd: v.number(),
  status: v.picklist(["under", "on_track", "over"]),
  projectedExhaustionDate: v.nullable(day),
  recommendedDailySpendUsd: usd,
  notes: text(500),
});

/** MTX-018 out: predicted lifetime value and churn by segment. */
export const LifetimeValue = v.object({
  segments: list(
    v.object({
      name: label,
      predictedLtvUsd: usd,
      churnProbability12m: unit,
      drivers: list(text(300), 1, 4),
      retentionAction: text(400),
    }),
    1,
    20,
  ),
  assumptions: list(text(300), 1, 6),
});

/** MTX-019 out: channel contributions under an attribution model. */
export const Attribution = v.object({
  model: v.picklist(["data_driven", "position_based", "time_decay", "linear", "last_touch"]),
  channels: list(
    v.object({ channel: label, contributionPct: percent, costPerConversionUsd: v.nullable(usd), confidence: unit }),
    1,
    20,
  ),
  insights: list(text(400), 1, 6),
});

/** MTX-020 out: scenarios with probabilities and a recommendation. */
export const Scenarios = v.object({
  scenarios: list(
    v.object({
      name: label,
      leverSettings: list(v.object({ lever: label, value: v.number() }), 1, 8),
      predictedValue: v.number(),
      probability: unit,
      narrative: text(500),
    }),
    2,
    5,
  ),
  recommendation: text(600),
});
