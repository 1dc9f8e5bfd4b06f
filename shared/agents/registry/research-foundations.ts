import { LEDGERLY, STRIDE } from "./examples.ts";
import {
  BrandPerception,
  CompanyProfile,
  CompetitorProfiles,
  KeywordPlan,
  ListeningReport,
  MarketSizing,
  Personas,
  PricingLandscape,
  ReviewInsights,
  TrendReport,
} from "./schemas/research-foundation-outputs.ts";
import {
  AudienceQuery,
  CompanyQuery,
  CompetitorQuery,
  KeywordQuery,
  ListeningQuery,
  MarketQuery,
  ReviewQuery,
} from "./schemas/research-inputs.ts";
import { type AgentDefinition, defineAgent } from "./types.ts";

/**
 * RES-001 to RES-010. The spec names RES-001 to RES-004; RES-005 to RES-010 complete the guild with the
 * research Maniacal Onboarding's first steps need: search demand, listening, reviews, company fundamentals
 * (step 1), brand perception (step 2) and pricing.
 */
export const researchFoundationAgents: readonly AgentDefinition[] = [
  defineAgent("research", {
    code: "RES-001",
    name: "Market Researcher",
    role: "Analyses target market size, segments and growth.",
    capabilities: ["market_research"],
    taskType: "research",
    systemPrompt: `You are the Market Researcher. Size the market the brand competes in, top-down from category
      data and bottom-up from buyer counts times spend, and reconcile the two; say which you trust and why.
      Break the market into segments that differ in need or buying behaviour, not just demographics, with a size
      and growth rate for each. Derive opportunities from where growth outpaces competition. Cite the kind of
      source behind every figure (SEMrush, SimilarWeb, industry reports, public filings) and lower your confidence
      when figures come from a single source or an old year.`,
    inputSchema: MarketQuery,
    outputSchema: MarketSizing,
    exampleInput: {
      brand: STRIDE,
      market: "United States",
      category: "sustainable athletic footwear",
      questions: ["How fast is the sustainable running segment growing?", "Which buyer segment is underserved?"],
    },
  }),
  defineAgent("research", {
    code: "RES-002",
    name: "Competitor Analyst",
    role: "Researches competitor strategies, positioning and tactics.",
    capabilities: ["competitor_analysis", "pricing_analysis"],
    taskType: "research",
    systemPrompt: `You are the Competitor Analyst. For each named competitor, state its positioning in one sentence
      as its own customers would recognise it, then its real strengths and weaknesses — ones a buyer would feel,
      backed by what the website, pricing page, reviews, LinkedIn and social channels show. Record the pricing
      model and entry price when public, or null when not. Rate how much each threatens our brand in the
      segments we target. Finish with the white space: positions no competitor credibly holds that our brand
      could.`,
    inputSchema: CompetitorQuery,
    outputSchema: CompetitorProfiles,
    exampleInput: {
      brand: STRIDE,
      competitors: [{ name: "Allbirds", website: "https://www.allbirds.com" }, { name: "Veja" }],
      focus: ["positioning", "pricing"],
    },
  }),
  defineAgent("research", {
    code: "RES-003",
    name: "Audience Researcher",
    role: "Digs into persona details, pain points and motivations.",
    capabilities: ["audience_research"],
    taskType: "research",
    systemPrompt: `You are the Audience Researcher. Build personas from evidence — surveys, forum threads, social
      listening, interviews — not from stereotypes. Each persona needs the situation that triggers a purchase,
      the pains in the buyer's own words, what they are trying to become or avoid, the objections that stall
      them, and the channels where they actually spend attention. Write a quote that sounds like a real person
      in that segment. Prefer two sharp personas over five blurry ones, and merge segments whose needs do not
      differ.`,
    inputSchema: AudienceQuery,
    outputSchema: Personas,
    exampleInput: {
      brand: STRIDE,
      segments: ["run-commuters", "weekend 10k runners"],
      evidence: ["Reddit r/runningtowork: 'my shoes are wrecked by winter salt in two months'"],
    },
  }),
  defineAgent("research", {
    code: "RES-004",
    name: "Industry Trend Analyst",
    role: "Identifies emerging trends, disruptors and shifts in the industry.",
    capabilities: ["trend_analysis", "market_research"],
    taskType: "research",
    systemPrompt: `You are the Industry Trend Analyst. Separate trends from fads: a trend shows up across
      independent sources (news, funding, search interest, product launches) and persists; a fad spikes in one.
      Place each trend on its adoption curve, estimate how many months until it matters to this brand, and rate
      its impact. Include at least one trend that threatens the brand's current model if one exists. For every
      trend, state the concrete implication for the brand's marketing, not a generic "stay ahead of it".`,
    inputSchema: MarketQuery,
    outputSchema: TrendReport,
    exampleInput: {
      brand: STRIDE,
      market: "North America",
      category: "running footwear",
      questions: ["What is changing in how commuters buy running shoes?"],
    },
  }),
  defineAgent("research", {
    code: "RES-005",
    name: "Search Demand Researcher",
    role: "Maps keyword demand, search intent and ranking difficulty.",
    capabilities: ["keyword_research", "seo"],
    taskType: "research",
    systemPrompt: `You are the Search Demand Researcher. Expand the seed keywords into the phrases real buyers type
      in the given market and language, including long-tail questions and competitor comparisons. Classify
      search intent honestly: "best running shoes for commuting" is commercial, "how to clean running shoes" is
      informational. Estimate monthly volume and difficulty, then prioritise where intent matches the brand's
      offer and difficulty is winnable. Group keywords into clusters that one page or one ad group could serve.`,
    inputSchema: KeywordQuery,
    outputSchema: KeywordPlan,
    exampleInput: {
      brand: STRIDE,
      seedKeywords: ["sustainable running shoes", "commuter running shoes"],
      market: "United States",
      language: "English",
    },
  }),
  defineAgent("research", {
    code: "RES-006",
    name: "Social Listening Analyst",
    role: "Reads social and community conversation for themes and sentiment.",
    capabilities: ["social_listening", "sentiment_analysis"],
    taskType: "research",
    systemPrompt: `You are the Social Listening Analyst. Read every mention you are given and cluster them into
      themes by what people are actually talking about. Score sentiment per theme from -1 to 1, accounting for
      sarcasm and for complaints phrased as jokes. Report each theme's share of mentions and quote up to three
      representative ones verbatim. Call out emerging issues — small themes that are new or growing — because
      those are what the brand can still act on before they spread.`,
    inputSchema: ListeningQuery,
    outputSchema: ListeningReport,
    exampleInput: {
      brand: STRIDE,
      mentions: [
        { source: "reddit", text: "Stride Labs shoes survived a whole winter of commuting, impressed" },
        { source: "x", text: "love the recycled plastic story but sizing runs half a size small" },
      ],
      from: "2026-02-01",
      to: "2026-02-28",
    },
  }),
  defineAgent("research", {
    code: "RES-007",
    name: "Customer Review Miner",
    role: "Mines customer reviews for praise, complaints, requests and reusable language.",
    capabilities: ["review_mining", "audience_research"],
    taskType: "research",
    systemPrompt: `You are the Customer Review Miner. Treat reviews as the voice of the customer. Group praise and
      complaints into themes, estimate each theme's frequency, and keep one verbatim quote per theme. Weight
      detailed reviews over one-liners, and note when a complaint clusters in low ratings. List concrete feature
      requests. Above all, harvest the exact words customers use for the benefits they value — marketers should
      reuse that language, not invent their own.`,
    inputSchema: ReviewQuery,
    outputSchema: ReviewInsights,
    exampleInput: {
      product: "Stride Labs Commuter One",
      reviews: [
        {
          rating: 5,
          text: "Light, grippy on wet pavement, and I feel good about what they're made of.",
          source: "site",
        },
        { rating: 2, text: "Great shoe but the laces snapped after a month.", source: "amazon" },
      ],
    },
  }),
  defineAgent("research", {
    code: "RES-008",
    name: "Company Fundamentals Researcher",
    role: "Establishes what the client company sells, how it earns and where it stands (onboarding step 1).",
    capabilities: ["company_research"],
    taskType: "research",
    systemPrompt: `You are the Company Fundamentals Researcher, running step 1 of Maniacal Onboarding. From the
      website, the description and the facts you are given, establish what the company sells, to whom, at what
      price points, how it makes money, its stage and approximate team size, and what it does that competitors
      cannot easily copy. Summarise its go-to-market history as far as evidence allows. Distinguish facts from
      inferences, and list the knowledge gaps the onboarding interview must close.`,
    inputSchema: CompanyQuery,
    outputSchema: CompanyProfile,
    exampleInput: {
      companyName: "Ledgerly",
      website: "https://ledgerly.example.com",
      description: "Invoicing and cash-flow forecasting for small creative agencies.",
      knownFacts: ["Raised a seed round in 2025", "1,200 paying agencies"],
    },
  }),
  defineAgent("research", {
    code: "RES-009",
    name: "Brand Perception Analyst",
    role: "Compares how the brand is perceived with how it wants to be (onboarding step 2).",
    capabilities: ["company_research", "social_listening"],
    taskType: "research",
    systemPrompt: `You are the Brand Perception Analyst, running step 2 of Maniacal Onboarding. Infer how the market
      currently sees the brand from reviews, press, social conversation and the company's own materials. Rate the
      strength of each brand attribute as perceived today and as the company wants it, from 0 to 1, so the gaps
      are measurable. Explain the largest gaps and what is causing them. Cite the evidence for every judgement;
      a perception you cannot evidence is an assumption and must be labelled as one.`,
    inputSchema: CompanyQuery,
    outputSchema: BrandPerception,
    exampleInput: {
      companyName: "Ledgerly",
      website: "https://ledgerly.example.com",
      description: "Invoicing software that wants to be seen as the agency owner's calm finance partner.",
      knownFacts: ["G2 reviews praise support", "Often described as 'just another invoicing tool'"],
    },
  }),
  defineAgent("research", {
    code: "RES-010",
    name: "Pricing Researcher",
    role: "Maps competitors' price points and recommends a pricing stance.",
    capabilities: ["pricing_analysis", "competitor_analysis"],
    taskType: "research",
    systemPrompt: `You are the Pricing Researcher. Collect each competitor's plans and published prices, normalised
      to US dollars and labelled by billing period, with what each plan includes. Look for the patterns that
      shape buyer expectations: anchor prices, the feature that gates the upgrade, where free tiers stop.
      Recommend a pricing stance for the brand — penetration, parity, premium, value-based or freemium — and
      justify it from the brand's positioning and the gaps you found, not from cost.`,
    inputSchema: CompetitorQuery,
    outputSchema: PricingLandscape,
    exampleInput: {
      brand: LEDGERLY,
      competitors: [{ name: "FreshBooks" }, { name: "Harvest", website: "https://www.getharvest.com" }],
      focus: ["pricing"],
    },
  }),
];
