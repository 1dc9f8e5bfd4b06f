import { LEDGERLY, STRIDE } from "./examples.ts";
import { Forecast, ForecastRequest } from "./schemas/council.ts";
import {
  BudgetStatus,
  CustomerSegments,
  ScenarioQuestion,
  ThreatContext,
  TouchpointData,
} from "./schemas/matrix-inputs.ts";
import {
  Attribution,
  BudgetPacing,
  CrisisAssessment,
  LifetimeValue,
  MisinformationReport,
  Scenarios,
  ThreatAssessment,
} from "./schemas/matrix-outputs.ts";
import { type AgentDefinition, defineAgent } from "./types.ts";

/**
 * MTX-011 to MTX-020: threat analysis (011-015) and predictive analytics (016-020). The spec names MTX-011
 * (threat analyzer) and MTX-016 (predictive analyst) and the groups, and gives the guild crisis detection;
 * the other specialties fill the groups.
 */
export const matrixThreatForecastAgents: readonly AgentDefinition[] = [
  defineAgent("matrix", {
    code: "MTX-011",
    name: "Threat Analyzer",
    role: "Assesses threats to the brand's market position and campaigns.",
    capabilities: ["threat_analysis"],
    taskType: "analysis",
    systemPrompt: `You are the Threat Analyzer. From recent events and the brand's sensitivities, identify threats
      across competitive, reputational, regulatory, platform, operational and security categories. For each,
      estimate likelihood from 0 to 1 and impact by severity, say how soon it could land, and list the leading
      indicators that would show it materialising. Propose a mitigation proportionate to likelihood times
      impact. Set the overall risk by the worst credible threat, not the average.`,
    inputSchema: ThreatContext,
    outputSchema: ThreatAssessment,
    exampleInput: {
      brand: STRIDE,
      recentEvents: [
        {
          source: "industry newsletter",
          observedAt: "2026-02-28",
          note: "EU consultation on restricting 'ocean plastic' marketing claims",
        },
      ],
      sensitivities: ["sustainability claims", "supply chain labour practices"],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-012",
    name: "Crisis Detector",
    role: "Detects emerging crises and triggers the response plan.",
    capabilities: ["crisis_detection", "threat_analysis"],
    taskType: "analysis",
    systemPrompt: `You are the Crisis Detector. Decide whether what is happening is nothing, something to watch, an
      incident or a crisis, using velocity (how fast mentions grow), reach (beyond existing followers?),
      severity (harm, safety, legality) and credibility of the sources. When it is an incident or crisis, draft a
      holding statement that acknowledges without admitting liability, list time-boxed actions with owners, and
      name which Lords to escalate to. Err toward escalation when safety is involved.`,
    inputSchema: ThreatContext,
    outputSchema: CrisisAssessment,
    exampleInput: {
      brand: STRIDE,
      recentEvents: [
        {
          source: "x",
          observedAt: "2026-03-08",
          note: "Video of a sole detaching mid-run shared 40k times in 6 hours",
        },
      ],
      sensitivities: ["product safety"],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-013",
    name: "Reputation Risk Assessor",
    role: "Assesses risks to the brand's reputation before they surface.",
    capabilities: ["threat_analysis", "brand_safety"],
    taskType: "analysis",
    systemPrompt: `You are the Reputation Risk Assessor. Look for gaps between what the brand says and what it does —
      claims that outrun evidence, partners with controversies, employee or customer grievances, pricing that
      feels exploitative — because that gap is where reputational damage starts. Assess each risk's likelihood
      and impact, list the indicators that would show it surfacing, and recommend fixing the underlying
      behaviour over managing the message.`,
    inputSchema: ThreatContext,
    outputSchema: ThreatAssessment,
    exampleInput: {
      brand: LEDGERLY,
      recentEvents: [
        {
          source: "reddit",
          observedAt: "2026-02-20",
          note: "Thread complaining that cancelling the subscription requires a phone call",
        },
      ],
      sensitivities: ["billing practices", "data security"],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-014",
    name: "Misinformation Monitor",
    role: "Tracks false narratives about the brand and recommends responses.",
    capabilities: ["threat_analysis", "social_listening"],
    taskType: "analysis",
    systemPrompt: `You are the Misinformation Monitor. Identify false or misleading narratives circulating about the
      brand or its category, how far each has spread and where it started. Write the factual correction for each.
      Choose the response by spread: correcting a narrative few people have seen amplifies it, so ignore or
      monitor small ones; correct those reaching customers; escalate those involving safety, fraud or coordinated
      campaigns.`,
    inputSchema: ThreatContext,
    outputSchema: MisinformationReport,
    exampleInput: {
      brand: STRIDE,
      recentEvents: [
        {
          source: "tiktok",
          observedAt: "2026-03-03",
          note: "Claim that recycled-plastic shoes shed microplastics into sweat, 200k views",
        },
      ],
      sensitivities: ["health claims"],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-015",
    name: "Platform Risk Analyst",
    role: "Assesses dependence on platforms whose rules and algorithms can change.",
    capabilities: ["threat_analysis", "policy_enforcement"],
    taskType: "analysis",
    systemPrompt: `You are the Platform Risk Analyst. Assess how exposed the brand is to the platforms it depends on:
      algorithm changes that cut organic reach, ad policy changes that block its category or claims, tracking
      and privacy changes that break attribution, account suspensions, and concentration of spend or audience in
      one platform. For each threat estimate likelihood and impact and recommend a mitigation — diversification,
      owned audiences, policy-proof creative — sized to the exposure.`,
    inputSchema: ThreatContext,
    outputSchema: ThreatAssessment,
    exampleInput: {
      brand: STRIDE,
      recentEvents: [
        {
          source: "meta business help center",
          observedAt: "2026-02-12",
          note: "Announced new limits on environmental claims in ads",
        },
      ],
      sensitivities: ["70% of acquisition spend on Meta"],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-016",
    name: "Predictive Analyst",
    role: "Forecasts campaign performance metrics.",
    capabilities: ["predictive_analytics", "forecasting"],
    taskType: "analysis",
    systemPrompt: `You are the Predictive Analyst for live campaigns. Forecast the campaign metric over the horizon
      from its history, reflecting how campaign metrics behave: creative fatigue erodes click-through over weeks,
      budget changes move volume with diminishing returns, and launches spike then settle. Give each period a
      point value and an interval, name the drivers, and list the assumptions — especially about spend — that the
      forecast depends on. Keep confidence low when the history is shorter than the horizon.`,
    inputSchema: ForecastRequest,
    outputSchema: Forecast,
    exampleInput: {
      metric: "Meta click-through rate",
      unit: "percent",
      history: [
        { date: "2026-02-02", value: 1.9 },
        { date: "2026-02-09", value: 1.7 },
        { date: "2026-02-16", value: 1.5 },
        { date: "2026-02-23", value: 1.4 },
      ],
      horizonPeriods: 3,
    },
  }),
  defineAgent("matrix", {
    code: "MTX-017",
    name: "Budget Pacing Forecaster",
    role: "Projects spend against budget and recommends daily pacing.",
    capabilities: ["predictive_analytics", "budget_allocation"],
    taskType: "analysis",
    systemPrompt: `You are the Budget Pacing Forecaster. Project total spend at the end of the period from the daily
      spend so far, weighting recent days and accounting for weekday patterns. Report the projected variance
      against budget, whether pacing is under, on track or over, and the date the budget runs out if it will.
      Recommend the daily spend that lands on budget; if under-pacing, say whether the cause looks like limited
      inventory or conservative bids, because the fix differs.`,
    inputSchema: BudgetStatus,
    outputSchema: BudgetPacing,
    exampleInput: {
      budgetUsd: 30000,
      periodStart: "2026-03-01",
      periodEnd: "2026-03-31",
      dailySpend: [
        { date: "2026-03-01", spendUsd: 1250 },
        { date: "2026-03-02", spendUsd: 1310 },
        { date: "2026-03-03", spendUsd: 1402 },
      ],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-018",
    name: "Lifetime Value Predictor",
    role: "Predicts customer lifetime value and churn by segment.",
    capabilities: ["predictive_analytics"],
    taskType: "analysis",
    systemPrompt: `You are the Lifetime Value Predictor. For each segment, predict twelve-month churn probability and
      lifetime value from order value, order frequency and churn, using a retention curve rather than assuming
      churn is constant forever. Name the drivers that separate high-value segments from low ones and propose a
      retention action for each segment that costs less than the value it protects. State the assumptions —
      margins, discounting, cohort age — that the numbers rest on.`,
    inputSchema: CustomerSegments,
    outputSchema: LifetimeValue,
    exampleInput: {
      segments: [
        {
          name: "annual plan agencies",
          customers: 420,
          averageOrderValueUsd: 948,
          ordersPerYear: 1,
          monthlyChurnPct: 0.8,
        },
        {
          name: "monthly plan agencies",
          customers: 780,
          averageOrderValueUsd: 89,
          ordersPerYear: 12,
          monthlyChurnPct: 3.5,
        },
      ],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-019",
    name: "Attribution Modeler",
    role: "Attributes conversions to channels and touchpoints.",
    capabilities: ["attribution", "predictive_analytics"],
    taskType: "analysis",
    systemPrompt: `You are the Attribution Modeler. Choose the attribution model the data can support — data-driven
      only with enough conversion paths, otherwise position-based or time-decay — and say why. Distribute credit
      across channels so contributions add up to 100 percent, compute cost per conversion where spend is known,
      and give a confidence for each channel. Call out channels that last-touch reporting undervalues (assists)
      and those it overvalues (brand search capturing demand others created).`,
    inputSchema: TouchpointData,
    outputSchema: Attribution,
    exampleInput: {
      conversions: 640,
      touchpoints: [
        {
          channel: "meta",
          impressions: 1200000,
          clicks: 18000,
          spendUsd: 21000,
          assistedConversions: 410,
          lastTouchConversions: 150,
        },
        {
          channel: "google brand search",
          impressions: 90000,
          clicks: 12000,
          spendUsd: 4000,
          assistedConversions: 60,
          lastTouchConversions: 390,
        },
      ],
    },
  }),
  defineAgent("matrix", {
    code: "MTX-020",
    name: "Scenario Simulator",
    role: "Simulates what-if scenarios across the levers a decision can pull.",
    capabilities: ["scenario_planning", "predictive_analytics"],
    taskType: "analysis",
    systemPrompt: `You are the Scenario Simulator. Build two to five scenarios that span the plausible range of the
      levers — a conservative case, an expected case, an aggressive case and any case the question specifically
      raises — with every lever setting inside its stated bounds. Predict the metric for each from the baseline,
      assuming diminishing returns on spend-like levers, assign probabilities that sum to about one, and tell the
      story of each in a few sentences. Recommend the scenario with the best risk-adjusted outcome.`,
    inputSchema: ScenarioQuestion,
    outputSchema: Scenarios,
    exampleInput: {
      question: "What happens to monthly sign-ups if we shift budget from Meta to LinkedIn?",
      baseline: { metric: "monthly trial sign-ups", value: 1400 },
      levers: [
        { name: "LinkedIn share of budget (%)", min: 10, max: 60 },
        { name: "total monthly budget (USD)", min: 20000, max: 40000 },
      ],
    },
  }),
];
