import * as v from "valibot";
import {
  Asset,
  BrandContext,
  BrandGuidelines,
  count,
  day,
  label,
  list,
  Point,
  percent,
  score,
  severity,
  text,
  unit,
  usd,
} from "./common.ts";

const guild = v.picklist(["research", "muse", "matrix", "guardian"]);
const priority = v.picklist(["low", "normal", "high", "critical"]);

/** LORD-001 in: an incoming request to be routed. */
export const RoutingRequest = v.object({
  requestType: v.picklist([
    "new_campaign",
    "competitive_analysis",
    "content_request",
    "compliance_review",
    "performance_review",
    "crisis_response",
    "onboarding",
  ]),
  summary: text(1500),
  constraints: v.optional(list(label, 0, 10)),
  deadline: v.optional(day),
  budgetUsd: v.optional(usd),
});

/** LORD-001 out: which guild agents run, in what order, handing what to whom (the spec's LordCommand). */
export const RoutingPlan = v.object({
  priority,
  steps: list(
    v.object({
      order: count(1, 50),
      guild,
      agentCodes: list(label, 1, 6),
      purpose: text(300),
      dependsOn: list(count(1, 50), 0, 10),
    }),
    1,
    12,
  ),
  handoffs: list(v.object({ from: guild, to: guild, artifact: label }), 0, 12),
  rationale: text(1000),
});

/** LORD-002 in: one execution's outcome to learn from. */
export const ExecutionOutcome = v.object({
  agentCode: label,
  task: text(500),
  outcome: v.picklist(["success", "partial", "failure"]),
  outputSummary: text(3000),
  metrics: v.optional(v.record(v.string(), v.number())),
  feedback: v.optional(text(1000)),
});

/** LORD-002 out: learnings to store as memories, and knowledge to add, revise or retire. */
export const Learnings = v.object({
  learnings: list(
    v.object({
      insight: text(500),
      evidence: text(500),
      memoryType: v.picklist(["brand", "audience", "competitor", "channel", "creative", "process"]),
      confidence: unit,
      appliesTo: list(label, 1, 8),
    }),
    1,
    8,
  ),
  knowledgeUpdates: list(
    v.object({ action: v.picklist(["add", "revise", "retire"]), topic: label, content: text(1000) }),
    0,
    8,
  ),
  validationNotes: text(800),
});

/** LORD-003 in: the goal, money and time a campaign strategy must fit. */
export const StrategyBrief = v.object({
  brand: BrandContext,
  goal: text(500),
  budgetUsd: usd,
  timeframeWeeks: count(1, 104),
  researchHighlights: list(text(500), 0, 20),
});

/** LORD-003 out: objectives, phases, budget split and risks. */
export const CampaignStrategy = v.object({
  strategyStatement: text(800),
  objectives: list(v.object({ name: label, metric: label, target: v.number(), deadlineWeek: count(1, 104) }), 1, 6),
  phases: list(
    v.object({
      name: label,
      startWeek: count(1, 104),
      endWeek: count(1, 104),
      focus: text(400),
      guilds: list(guild, 1, 4),
    }),
    1,
    8,
  ),
  budgetAllocation: list(v.object({ channel: label, sharePct: percent, rationale: text(300) }), 1, 10),
  risks: list(v.object({ risk: text(300), mitigation: text(300) }), 0, 8),
});

/** LORD-004, MUSE-026/027 in: an asset and the guidelines to judge it by. */
export const AssetReview = v.object({
  brandName: label,
  asset: Asset,
  brandGuidelines: BrandGuidelines,
});

/** LORD-004, MUSE-026/027 out: a verdict with scored, actionable critiques. */
export const CreativeReview = v.object({
  verdict: v.picklist(["approve", "revise", "reject"]),
  qualityScore: score,
  brandAlignment: score,
  critiques: list(
    v.object({
      aspect: v.picklist(["clarity", "voice", "visual", "structure", "claims", "emotion", "audience_fit"]),
      issue: text(400),
      suggestion: text(400),
      severity,
    }),
    0,
    10,
  ),
  summary: text(600),
});

/** LORD-005, MTX-016 in: a metric's history and how far ahead to look. */
export const ForecastRequest = v.object({
  metric: label,
  unit: label,
  history: list(Point, 3, 366),
  horizonPeriods: count(1, 52),
  knownEvents: v.optional(list(v.object({ date: day, description: text(300) }), 0, 20)),
});

/** LORD-005, MTX-016 out: predictions with intervals, confidence and drivers. */
export const Forecast = v.object({
  metric: label,
  predictions: list(v.object({ period: day, value: v.number(), low: v.number(), high: v.number() }), 1, 52),
  confidence: unit,
  drivers: list(text(300), 1, 8),
  assumptions: list(text(300), 0, 8),
});

/** LORD-006 in: a question agents disagree on, with each position. */
export const Dispute = v.object({
  question: text(800),
  positions: list(
    v.object({ agentCode: label, position: text(1500), evidence: list(text(500), 0, 10), confidence: unit }),
    2,
    8,
  ),
  criteria: v.optional(list(label, 0, 10)),
});

/** LORD-006 out: the ruling, its conditions and the dissent on record. */
export const Ruling = v.object({
  decision: text(800),
  adoptedAgentCodes: list(label, 0, 8),
  rationale: text(1500),
  conditions: list(text(300), 0, 8),
  dissent: list(v.object({ agentCode: label, concern: text(400) }), 0, 8),
  escalateToHuman: v.boolean(),
});

/** LORD-007 in: a period's numbers and events, and who the report is for. */
export const ReportRequest = v.object({
  audience: v.picklist(["executive", "marketing_team", "client", "guild"]),
  periodStart: day,
  periodEnd: day,
  metrics: list(v.object({ name: label, value: v.number(), previous: v.optional(v.number()), unit: label }), 1, 30),
  highlights: list(text(500), 0, 20),
  incidents: v.optional(list(text(500), 0, 20)),
});

/** LORD-007 out: the report and the notifications that announce it. */
export const Report = v.object({
  title: label,
  executiveSummary: text(1200),
  sections: list(v.object({ heading: label, body: text(3000) }), 1, 8),
  metricCallouts: list(
    v.object({ metric: label, value: v.number(), changePct: v.nullable(v.number()), interpretation: text(300) }),
    0,
    12,
  ),
  notifications: list(
    v.object({
      channel: v.picklist(["email", "slack", "in_app", "websocket"]),
      recipientRole: label,
      message: text(500),
      urgency: v.picklist(["low", "normal", "high"]),
    }),
    0,
    8,
  ),
});
