import type { KnowledgeInputDraft } from "../../../shared/knowledge/input.ts";
import type { TEMPLATES } from "../../../shared/knowledge/vocabulary.ts";

/** One valid document of each template, as a client would send it. */
export const DOCUMENTS: Record<(typeof TEMPLATES)[number], KnowledgeInputDraft["document"]> = {
  campaign_performance: {
    template: "campaign_performance",
    campaign: "Spring running-shoe launch",
    objective: "Drive trial among urban commuters",
    channels: ["paid social", "search"],
    period: { start: "2026-03-01", end: "2026-04-15" },
    metrics: { ctr: 0.031, cvr: 0.017 },
    results: "Question-style headlines won on CTR; benefit-first won on conversion.",
    learnings: ["Lead paid channels with benefit-first copy"],
  },
  brand_guidelines: {
    template: "brand_guidelines",
    brand: "Stride Labs",
    voice: "Warm, direct, never smug.",
    tone: ["confident", "playful"],
    colors: ["#0B5FFF", "#111111"],
    messaging_pillars: ["Comfort that lasts the commute"],
    dont: ["No celebrity endorsements"],
  },
  market_intelligence: {
    template: "market_intelligence",
    subject: "Initech",
    intelligence_type: "competitive",
    summary: "Initech cut mid-market prices by 20%.",
    insights: ["Price pressure on annual plans"],
    source_url: "https://example.com/initech",
  },
  best_practices: {
    template: "best_practices",
    practice: "Two-week creative refresh",
    context: "Paid social campaigns longer than a month",
    steps: ["Rotate hooks every two weeks", "Retire ads under median CTR"],
  },
  organizational_knowledge: {
    template: "organizational_knowledge",
    topic: "Legal review",
    kind: "process",
    description: "Every public claim with a number goes to legal before launch.",
    owners: ["Legal"],
  },
};
