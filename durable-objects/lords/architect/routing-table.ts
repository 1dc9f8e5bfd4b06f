import type { Guild } from "../../../shared/agents/registry/index.ts";

/** How urgently a routed request's agents should run. */
export const ROUTE_PRIORITIES = ["critical", "high", "normal", "low"] as const;
/** One of ROUTE_PRIORITIES. */
export type RoutePriority = (typeof ROUTE_PRIORITIES)[number];

/** Where one request type goes: a guild, its agents (in the order they are queued) and a default priority. */
export interface Route {
  guild: Exclude<Guild, "council">;
  agentCodes: readonly string[];
  priority: RoutePriority;
  /** Why these agents: recorded as the routing decision's rationale. */
  rationale: string;
}

/**
 * The Architect's routing table (backend-architecture.md, `route_request`): request type →
 * guild → agents. The agents of one route read the same input, so a request carries one input
 * and each agent's schema checks it. New campaigns start with market research and competitive
 * analysis goes to the Matrix intel agents, as the spec's examples route them.
 */
export const ROUTING_TABLE = {
  new_campaign: {
    guild: "research",
    agentCodes: ["RES-001"],
    priority: "high",
    rationale: "A new campaign starts from market research: every brief downstream needs its market context.",
  },
  market_research: {
    guild: "research",
    agentCodes: ["RES-001", "RES-004", "RES-018"],
    priority: "normal",
    rationale: "Market size, industry trends and geography answer a market question together.",
  },
  competitive_analysis: {
    guild: "matrix",
    agentCodes: ["MTX-001", "MTX-002"],
    priority: "normal",
    rationale: "Competitor moves and their advertising are tracked by the Matrix intel agents.",
  },
  competitor_research: {
    guild: "research",
    agentCodes: ["RES-002", "RES-010"],
    priority: "normal",
    rationale: "Positioning and pricing research on named competitors.",
  },
  audience_research: {
    guild: "research",
    agentCodes: ["RES-003", "RES-015", "RES-016"],
    priority: "normal",
    rationale: "Segments, their journeys and the jobs they hire the product for.",
  },
  company_onboarding: {
    guild: "research",
    agentCodes: ["RES-008", "RES-009"],
    priority: "high",
    rationale: "Onboarding needs the company's fundamentals and how its brand is perceived before anything else.",
  },
  copywriting: {
    guild: "muse",
    agentCodes: ["MUSE-001", "MUSE-002", "MUSE-003"],
    priority: "normal",
    rationale: "Headline, body and call to action are written together so they read as one piece.",
  },
  content_strategy: {
    guild: "muse",
    agentCodes: ["MUSE-006", "MUSE-007", "MUSE-010"],
    priority: "normal",
    rationale: "Pillars, narrative and messaging are set before production starts.",
  },
  visual_design: {
    guild: "muse",
    agentCodes: ["MUSE-011", "MUSE-012"],
    priority: "normal",
    rationale: "Visuals are designed within the brand identity.",
  },
  video_production: {
    guild: "muse",
    agentCodes: ["MUSE-016", "MUSE-017"],
    priority: "normal",
    rationale: "A video needs its concept and its script.",
  },
  social_content: {
    guild: "muse",
    agentCodes: ["MUSE-021", "MUSE-022", "MUSE-023"],
    priority: "normal",
    rationale: "Each platform gets a native version of the content.",
  },
  signal_monitoring: {
    guild: "matrix",
    agentCodes: ["MTX-006", "MTX-007", "MTX-008", "MTX-009"],
    priority: "normal",
    rationale: "Demand, sentiment and news signals are read from the same feed.",
  },
  threat_assessment: {
    guild: "matrix",
    agentCodes: ["MTX-011", "MTX-012", "MTX-013"],
    priority: "high",
    rationale: "Threats, crises and reputation risk are assessed together: reputational exposure raises priority.",
  },
  ad_compliance: {
    guild: "guardian",
    agentCodes: ["GRD-001", "GRD-003", "GRD-005"],
    priority: "high",
    rationale: "Paid placements are checked against each ad platform's policy before they ship.",
  },
  brand_safety: {
    guild: "guardian",
    agentCodes: ["GRD-007", "GRD-008"],
    priority: "high",
    rationale: "Brand safety and the claims made are validated before anything public-facing ships.",
  },
  legal_review: {
    guild: "guardian",
    agentCodes: ["GRD-009", "GRD-010"],
    priority: "high",
    rationale: "Advertising law and privacy compliance are reviewed together.",
  },
} as const satisfies Record<string, Route>;

/** A request type the Architect can route. */
export type RequestType = keyof typeof ROUTING_TABLE;

/** The request types, in table order. */
export const REQUEST_TYPES = Object.keys(ROUTING_TABLE) as RequestType[];
