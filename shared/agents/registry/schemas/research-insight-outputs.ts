import * as v from "valibot";
import { count, label, level, list, percent, platform, severity, text, unit } from "./common.ts";

/** RES-011 out: channel fit and a recommended mix. */
export const ChannelFit = v.object({
  channels: list(
    v.object({ channel: label, fitScore: unit, costLevel: level, audienceReach: text(300), rationale: text(400) }),
    1,
    10,
  ),
  recommendedMix: list(v.object({ channel: label, sharePct: percent }), 1, 10),
});

const coverage = v.picklist(["none", "light", "heavy"]);

/** RES-012 out: topics competitors own that we do not. */
export const ContentGaps = v.object({
  gaps: list(
    v.object({
      topic: label,
      competitorCoverage: coverage,
      ourCoverage: coverage,
      searchDemand: level,
      priority: level,
      angle: text(400),
    }),
    1,
    20,
  ),
});

/** RES-013 out: regulations that constrain marketing in the market. */
export const RegulatoryLandscape = v.object({
  regulations: list(
    v.object({
      name: label,
      jurisdiction: label,
      requirement: text(500),
      appliesTo: list(label, 1, 6),
      riskIfIgnored: severity,
    }),
    1,
    15,
  ),
  watchList: list(text(300), 0, 6),
});

/** RES-014 out: partner and influencer candidates. */
export const PartnerShortlist = v.object({
  candidates: list(
    v.object({
      name: label,
      type: v.picklist(["influencer", "publication", "community", "brand", "event"]),
      platform,
      audienceFit: unit,
      estimatedReach: count(0),
      rationale: text(400),
      outreachAngle: text(300),
    }),
    1,
    15,
  ),
});

/** RES-015 out: the journey, stage by stage. */
export const JourneyMap = v.object({
  stages: list(
    v.object({
      stage: v.picklist(["awareness", "consideration", "decision", "onboarding", "retention", "advocacy"]),
      customerGoal: text(300),
      touchpoints: list(label, 1, 8),
      frictions: list(text(300), 0, 6),
      opportunities: list(text(300), 0, 6),
    }),
    1,
    6,
  ),
});

/** RES-016 out: jobs to be done, rated by importance and satisfaction. */
export const JobsToBeDone = v.object({
  jobs: list(
    v.object({
      job: text(300),
      situation: text(300),
      desiredOutcome: text(300),
      currentSolution: text(300),
      importance: unit,
      satisfaction: unit,
    }),
    1,
    10,
  ),
});

const reasonShare = v.object({ reason: text(300), sharePct: percent });

/** RES-017 out: why deals are won and lost. */
export const WinLossAnalysis = v.object({
  winRatePct: percent,
  winReasons: list(reasonShare, 0, 8),
  lossReasons: list(reasonShare, 0, 8),
  competitorPatterns: list(v.object({ competitor: label, pattern: text(400) }), 0, 8),
  recommendations: list(text(400), 1, 8),
});

/** RES-018 out: regions ranked by opportunity. */
export const GeoMarkets = v.object({
  regions: list(
    v.object({
      region: label,
      opportunityScore: unit,
      maturity: v.picklist(["nascent", "developing", "mature", "saturated"]),
      considerations: list(text(300), 0, 6),
      entryRecommendation: text(400),
    }),
    1,
    10,
  ),
});

/** RES-019 out: a verdict per claim. */
export const ClaimVerification = v.object({
  claims: list(
    v.object({
      claim: text(500),
      verdict: v.picklist(["supported", "partially_supported", "unsupported", "unverifiable"]),
      evidence: text(800),
      confidence: unit,
      suggestedRewording: v.nullable(text(500)),
    }),
    1,
    50,
  ),
});

/** RES-020 out: the research brief. */
export const ResearchBrief = v.object({
  executiveSummary: text(1500),
  keyFindings: list(v.object({ finding: text(500), sourceAgentCodes: list(label, 1, 10), confidence: unit }), 1, 12),
  recommendations: list(v.object({ recommendation: text(400), rationale: text(400), priority: level }), 1, 8),
  openQuestions: list(text(300), 0, 8),
});
