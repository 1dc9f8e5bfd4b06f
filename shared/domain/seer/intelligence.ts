import { DomainInputError } from "../errors.ts";
import { foldPlural } from "../text/index.ts";
import { requireInRange, requireNonNegative } from "../validate.ts";
import { INTELLIGENCE_TYPES, type IntelligenceType } from "./types.ts";

/** A piece of market intelligence described by the attributes the scores are computed from. */
export interface IntelligenceItem {
  type: IntelligenceType;
  /** Share of our market the development touches, 0–1. */
  reach: number;
  /** Size of the change where it applies, 0–1. */
  magnitude: number;
  /** −1 (harmful to us) … +1 (favourable). */
  sentiment: number;
  /** How far the source is trusted, 0–1 (1 = verified primary source). */
  sourceReliability: number;
  /** Days since the development was observed. */
  ageDays: number;
  topics: string[];
  /** Our strategic focus; when absent every topic counts as relevant. */
  focusTopics?: string[];
}

/** Threat levels by threat score: ≥ 75 critical, ≥ 50 high, ≥ 25 medium. */
export type ThreatLevel = "critical" | "high" | "medium" | "low";

/** Impact, relevance, threat and opportunity on 0–100, with the factors they came from. */
export interface IntelligenceScores {
  impact: number;
  relevance: number;
  threat: number;
  opportunity: number;
  threatLevel: ThreatLevel;
  factors: { breadthTimesDepth: number; freshness: number; topicCoverage: number };
}

/** Relevance halves every 30 days: market intelligence is usually acted on, or superseded, within a month. */
export const RELEVANCE_HALF_LIFE_DAYS = 30;

/**
 * Scores an item:
 * - impact = 100 · √(reach · magnitude) · reliability: the geometric mean keeps "small change to everyone" and
 *   "big change to few" comparable on the inputs' own 0–1 scale; unreliable sources are discounted proportionally;
 * - relevance = 100 · topic coverage · 0.5^(ageDays / 30), coverage being the share of the item's topics that are in
 *   our focus (plurals folded, case ignored);
 * - threat = impact · max(0, −sentiment) · coverage and opportunity = impact · max(0, sentiment) · coverage: age does
 *   not reduce threat, since an old regulation or competitor move is still in force.
 */
export function intelligenceScores(item: IntelligenceItem): IntelligenceScores {
  if (!INTELLIGENCE_TYPES.includes(item.type)) {
    throw new DomainInputError("type", `must be one of ${INTELLIGENCE_TYPES.join(", ")}, got ${String(item.type)}`);
  }
  const reach = requireInRange("reach", item.reach, 0, 1);
  const magnitude = requireInRange("magnitude", item.magnitude, 0, 1);
  const sentiment = requireInRange("sentiment", item.sentiment, -1, 1);
  const reliability = requireInRange("sourceReliability", item.sourceReliability, 0, 1);
  const age = requireNonNegative("ageDays", item.ageDays);
  const breadthTimesDepth = Math.sqrt(reach * magnitude);
  const impact = 100 * breadthTimesDepth * reliability;
  const freshness = 0.5 ** (age / RELEVANCE_HALF_LIFE_DAYS);
  const topicCoverage = coverage(item.topics, item.focusTopics);
  const threat = impact * Math.max(0, -sentiment) * topicCoverage;
  return {
    impact,
    relevance: 100 * topicCoverage * freshness,
    threat,
    opportunity: impact * Math.max(0, sentiment) * topicCoverage,
    threatLevel: threat >= 75 ? "critical" : threat >= 50 ? "high" : threat >= 25 ? "medium" : "low",
    factors: { breadthTimesDepth, freshness, topicCoverage },
  };
}

function coverage(topics: readonly string[], focus: readonly string[] | undefined): number {
  if (!focus) return 1;
  const normal = (t: string) => foldPlural(t.trim().toLowerCase());
  const own = new Set(topics.map(normal));
  if (own.size === 0) return 0;
  const wanted = new Set(focus.map(normal));
  let hits = 0;
  for (const t of own) if (wanted.has(t)) hits++;
  return hits / own.size;
}
