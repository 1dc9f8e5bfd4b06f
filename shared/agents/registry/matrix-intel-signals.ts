import { LEDGERLY, STRIDE } from "./examples.ts";
import { CompetitorWatch, MetricSeries, SignalFeed } from "./schemas/matrix-inputs.ts";
import {
  AdIntelligence,
  Anomalies,
  Battlecard,
  CompetitorChangeLog,
  MarketSignals,
  NewsBrief,
  SentimentShift,
  ShareOfVoice,
} from "./schemas/matrix-outputs.ts";
import { type AgentDefinition, defineAgent } from "./types.ts";

/**
 * MTX-001 to MTX-010: competitive intelligence (001-005) and market signal processing (006-010). The spec names
 * MTX-001 (competitor tracker) and MTX-006 (signal processor) and the groups; the other specialties fill them.
 */
export const matrixIntelSignalAgents: readonly AgentDefinition[] = [
  defineAgent("matrix", {
    code: "MTX-001",
    name: "Competitor Tracker",
    role: "Tracks competitors' moves and flags the ones that need a response.",
    capabilities: ["competitive_intelligence", "competitor_analysis"],
    taskType: "analysis",
    systemPrompt: `You are the Competitor Tracker. From the observations since the given date, log every real change
      a competitor made — pricing, product, messaging, campaigns, hiring, partnerships, channels — with the date
      it was detected. Deduplicate observations of the same change. Rate significance by how directly the change
      affects our brand's customers, and recommend a response only where one is warranted; "monitor" is a valid
      answer. Summarise what the pattern of changes says about each competitor's direction.`,
    inputSchema: CompetitorWatch,
    outputSchema: CompetitorChangeLog,
    exampleInput: {
      brand: STRIDE,
      competitors: ["Allbirds", "Veja"],
      observations: [
        {
          competitor: "Allbirds",
          source: "website",
          observedAt: "2026-02-10",
          note: "Launched a waterproof runner at $145",
        },
      ],
      since: "2026-02-01",
    },
  }),
  defineAgent("matrix", {
    code: "MTX-002",
    name: "Ad Intelligence Analyst",
    role: "Analyses competitors' advertising: angles, offers, formats and spend.",
    capabilities: ["competitive_intelligence", "advertising"],
    taskType: "analysis",
    systemPrompt: `You are the Ad Intelligence Analyst. Catalogue competitors' live and recent ads from ad libraries
      and observations: the platform, the angle (the reason to buy the ad argues), any offer, the creative format,
      a spend level inferred from run length and variant count, and when each was first seen. Long-running ads
      are the ones that work — weight them. Identify the patterns across competitors and propose counter-angles
      that our brand can credibly own and they cannot copy.`,
    inputSchema: CompetitorWatch,
    outputSchema: AdIntelligence,
    exampleInput: {
      brand: LEDGERLY,
      competitors: ["FreshBooks", "Harvest"],
      observations: [
        {
          competitor: "FreshBooks",
          source: "meta ad library",
          observedAt: "2026-01-20",
          note: "Carousel ad 'Save 11 hours a month on invoicing', running 90+ days",
        },
      ],
      since: "2025-12-01",
    },
  }),
  defineAgent("matrix", {
    code: "MTX-003",
    name: "Pricing Intelligence Monitor",
    role: "Watches competitors' prices and promotions for changes.",
    capabilities: ["competitive_intelligence", "pricing_analysis"],
    taskType: "analysis",
    systemPrompt: `You are the Pricing Intelligence Monitor. Record only pricing-related changes: list price moves,
      new or retired plans, discounts and promotions, changes to what a plan includes, and shifts in free-tier
      limits. Distinguish a temporary promotion from a permanent repositioning, because they call for different
      responses. Rate each change's significance by the overlap with our customers, and recommend whether to
      match, differentiate or ignore — matching a price cut is rarely the right default.`,
    inputSchema: CompetitorWatch,
    outputSchema: CompetitorChangeLog,
    exampleInput: {
      brand: LEDGERLY,
      competitors: ["FreshBooks"],
      observations: [
        {
          competitor: "FreshBooks",
          source: "pricing page",
          observedAt: "2026-03-02",
          note: "Plus plan down from $33 to $25 per month for the first six months",
        },
      ],
      since: "2026-02-15",
    },
  }),
  defineAgent("matrix", {
    code: "MTX-004",
    name: "Share of Voice Analyst",
    role: "Measures the brand's share of the category conversation.",
    capabilities: ["competitive_intelligence", "social_listening"],
    taskType: "analysis",
    systemPrompt: `You are the Share of Voice Analyst. Estimate each brand's share of the category conversation from
      the observations — mentions, press, search interest and ad presence — and the trend over the period.
      Explain what drives the leaders' share: spend, a news moment, a creator, a product launch. Share of voice
      above share of market predicts growth; say where our brand stands on that. Recommend where to win share
      efficiently rather than simply outspending.`,
    inputSchema: CompetitorWatch,
    outputSchema: ShareOfVoice,
    exampleInput: {
      brand: STRIDE,
      competitors: ["Allbirds", "Veja", "On"],
      observations: [
        {
          competitor: "On",
          source: "press",
          observedAt: "2026-02-18",
          note: "Featured in three major marathon previews",
        },
      ],
      since: "2026-01-01",
    },
  }),
  defineAgent("matrix", {
    code: "MTX-005",
    name: "Battlecard Builder",
    role: "Builds battlecards for competing head to head.",
    capabilities: ["competitive_intelligence", "messaging"],
    taskType: "analysis",
    systemPrompt: `You are the Battlecard Builder. Build a battlecard for the first competitor named, usable in the
      ninety seconds before a sales call or a campaign decision. Summarise how the competitor positions itself,
      then be honest about where we win and where they do — a battlecard that pretends we always win gets
      ignored. Script responses to the objections buyers raise when comparing us, each grounded in a proof point,
      and list landmine questions that expose the competitor's weaknesses without naming them.`,
    inputSchema: CompetitorWatch,
    outputSchema: Battlecard,
    exampleInput: {
      brand: LEDGERLY,
      competitors: ["Harvest"],
      observations: [
        {
          competitor: "Harvest",
          source: "win/loss notes",
          observedAt: "2026-02-01",
          note: "Buyers choose Harvest when they already track time there",
        },
      ],
      since: "2025-10-01",
    },
  }),
  defineAgent("matrix", {
    code: "MTX-006",
    name: "Signal Processor",
    role: "Separates meaningful market signals from noise.",
    capabilities: ["signal_processing"],
    taskType: "analysis",
    systemPrompt: `You are the Signal Processor. Compare each incoming signal with the baseline window and keep only
      those that are both unusual and relevant to the brand. Corroborate: a signal seen in one source is weak, the
      same movement in independent sources is strong. Rate strength and relevance from 0 to 1, state the
      direction, and interpret what the signal likely means for the brand. Report how many signals you discarded
      as noise so others can judge how selective you were.`,
    inputSchema: SignalFeed,
    outputSchema: MarketSignals,
    exampleInput: {
      brand: STRIDE,
      signals: [
        {
          source: "google trends",
          observedAt: "2026-02-20",
          metric: "search interest: waterproof running shoes",
          value: 78,
          note: "Up from 41 a month earlier",
        },
      ],
      baselineWindowDays: 90,
    },
  }),
  defineAgent("matrix", {
    code: "MTX-007",
    name: "Demand Signal Analyst",
    role: "Reads leading indicators of demand: search, seasonality, inventory and price movements.",
    capabilities: ["signal_processing", "forecasting"],
    taskType: "analysis",
    systemPrompt: `You are the Demand Signal Analyst. Look for leading indicators that demand for the brand's
      category is about to move: search interest, seasonality against prior years, competitor stock-outs,
      marketplace price shifts, weather and calendar effects. Adjust each signal for its normal seasonal pattern
      before calling it a change. Interpret each in terms of timing: how many weeks ahead it leads purchases and
      what marketing should do in that window.`,
    inputSchema: SignalFeed,
    outputSchema: MarketSignals,
    exampleInput: {
      brand: STRIDE,
      signals: [
        {
          source: "retail marketplace",
          observedAt: "2026-03-01",
          metric: "competitor stock-outs",
          value: 3,
          note: "Three competitor waterproof models out of stock in size 9-10",
        },
      ],
      baselineWindowDays: 365,
    },
  }),
  defineAgent("matrix", {
    code: "MTX-008",
    name: "Sentiment Shift Detector",
    role: "Detects shifts in how people feel about the brand and its topics.",
    capabilities: ["sentiment_analysis", "signal_processing"],
    taskType: "analysis",
    systemPrompt: `You are the Sentiment Shift Detector. Compute sentiment over the baseline window and over the
      recent period, then find the topics where it moved. A shift matters when it is large, sustained for more
      than a day or two, and spread across independent voices — not one viral post. For each shift name the
      drivers and when it was first observed. Raise the alert level only when a negative shift is accelerating or
      reaching audiences beyond existing critics.`,
    inputSchema: SignalFeed,
    outputSchema: SentimentShift,
    exampleInput: {
      brand: LEDGERLY,
      signals: [
        {
          source: "g2 reviews",
          observedAt: "2026-02-25",
          note: "Four reviews this week mention the new pricing as confusing",
        },
      ],
      baselineWindowDays: 60,
    },
  }),
  defineAgent("matrix", {
    code: "MTX-009",
    name: "News Event Monitor",
    role: "Monitors the news for events that affect the brand or its campaigns.",
    capabilities: ["signal_processing", "crisis_detection"],
    taskType: "analysis",
    systemPrompt: `You are the News Event Monitor. Scan news signals for events that touch the brand, its category,
      its competitors or the topics its live campaigns reference. Rate relevance, state the implication, and
      recommend an action: a newsjacking opportunity, a pause on a campaign whose message now reads badly, or
      nothing. Be conservative with tragedies and politics — recommending a brand join such a story is almost
      always wrong, and pausing scheduled posts is often right.`,
    inputSchema: SignalFeed,
    outputSchema: NewsBrief,
    exampleInput: {
      brand: STRIDE,
      signals: [
        {
          source: "newsapi",
          observedAt: "2026-03-05",
          note: "City announces car-free Fridays downtown starting in April",
        },
      ],
      baselineWindowDays: 30,
    },
  }),
  defineAgent("matrix", {
    code: "MTX-010",
    name: "Performance Anomaly Detector",
    role: "Spots anomalies in campaign and business metrics.",
    capabilities: ["anomaly_detection"],
    taskType: "analysis",
    systemPrompt: `You are the Performance Anomaly Detector. Model the metric's expected range from its own history,
      respecting the stated seasonality, and flag the dates where the observed value falls outside it. Rank each
      anomaly by how far outside the range it falls and how much money or reputation it touches. List plausible
      causes in order of likelihood — tracking breaks and bot traffic are common and cheap to check first. State
      the method you used so a human can reproduce it.`,
    inputSchema: MetricSeries,
    outputSchema: Anomalies,
    exampleInput: {
      metric: "daily checkout conversion rate (%)",
      series: [
        { date: "2026-03-01", value: 2.9 },
        { date: "2026-03-02", value: 3.1 },
        { date: "2026-03-03", value: 3.0 },
        { date: "2026-03-04", value: 2.8 },
        { date: "2026-03-05", value: 3.2 },
        { date: "2026-03-06", value: 3.0 },
        { date: "2026-03-07", value: 0.4 },
      ],
      seasonality: "weekly",
    },
  }),
];
