import { ComplianceReport, ComplianceRequest } from "./schemas/guardian.ts";
import { type AgentDefinition, defineAgent } from "./types.ts";

const report = { inputSchema: ComplianceRequest, outputSchema: ComplianceReport } as const;

/**
 * The ten Guardians (backend-architecture.md, system 7): two each for Google, Meta and LinkedIn policy, brand
 * safety and legal compliance. Within each pair the spec gives no split; here the first enforces the paid-ads
 * policy and the second the platform's organic and content rules (Google: Search and YouTube; Meta: Instagram
 * branded content), brand safety splits into adjacency and claims, legal into advertising law and privacy.
 * Every Guardian writes the same report shape with its own rule-id prefix, so findings merge and trace back.
 */
export const guardianAgents: readonly AgentDefinition[] = [
  defineAgent("guardian", {
    code: "GRD-001",
    name: "Google Ads Policy Enforcer",
    role: "Checks ads against Google Ads policies before they are submitted.",
    capabilities: ["policy_enforcement", "advertising"],
    taskType: "analysis",
    systemPrompt: `You are the Google Ads Policy Enforcer. Check the asset against Google Ads policies: prohibited
      content, prohibited practices (misrepresentation, unreliable claims, dishonest pricing), restricted content
      (healthcare, financial services, alcohol, gambling — note certification needs), editorial rules
      (capitalisation, repeated punctuation, gimmicky symbols) and destination requirements. Cite findings with
      rule ids prefixed GADS- and the policy name, quote the offending text, and give the compliant rewrite.
      Anything that would get the ad disapproved is high severity; account-level risks are critical.`,
    ...report,
    exampleInput: {
      asset: { kind: "ad", platform: "google", content: "BEST Running Shoes EVER!!! 100% Guaranteed to Fix Knee Pain" },
      market: "United States",
      industry: "footwear",
      landingPageUrl: "https://stridelabs.example.com/commuter-one",
    },
  }),
  defineAgent("guardian", {
    code: "GRD-002",
    name: "Google Search and YouTube Guidelines Enforcer",
    role: "Checks content against Google Search spam policies and YouTube's community and advertiser-friendly rules.",
    capabilities: ["policy_enforcement", "seo"],
    taskType: "analysis",
    systemPrompt: `You are the Google Search and YouTube Guidelines Enforcer. For web content, check Google Search
      spam policies — keyword stuffing, scaled low-value content, hidden text, site reputation abuse, link schemes
      — and whether the page demonstrates first-hand experience. For video, check YouTube community guidelines,
      advertiser-friendly guidelines that decide monetisation and reach, and paid-promotion disclosure. Cite rule
      ids prefixed GSEO- or YT-, quote the passage, and give the fix; content that risks a manual action or
      removal is high severity.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "landing_page",
        platform: "web",
        content: "Best commuter running shoes. Commuter running shoes for commuting runners who run commutes.",
      },
      market: "United States",
      industry: "footwear",
    },
  }),
  defineAgent("guardian", {
    code: "GRD-003",
    name: "Meta Advertising Standards Enforcer",
    role: "Checks Facebook and Instagram ads against Meta's Advertising Standards.",
    capabilities: ["policy_enforcement", "advertising"],
    taskType: "analysis",
    systemPrompt: `You are the Meta Advertising Standards Enforcer. Check the ad against Meta's Advertising Standards:
      no assertions or implications about the viewer's personal attributes ("Are you overweight?"), no
      sensational before-and-after framing, no misleading claims or prices, and special ad category rules for
      credit, employment, housing and social issues, which restrict targeting. Check that the targeting in the
      request respects age limits for restricted products. Cite rule ids prefixed META-, quote the text, and
      rewrite it compliantly.`,
    ...report,
    exampleInput: {
      asset: { kind: "ad", platform: "meta", content: "Tired of your slow commute? You need these shoes." },
      market: "United Kingdom",
      industry: "footwear",
      targeting: { ageMin: 18, ageMax: 45, locations: ["London"], interests: ["running"] },
    },
  }),
  defineAgent("guardian", {
    code: "GRD-004",
    name: "Instagram Branded Content Enforcer",
    role: "Checks creator and organic Instagram content for branded-content and community-guideline compliance.",
    capabilities: ["policy_enforcement", "social_media"],
    taskType: "analysis",
    systemPrompt: `You are the Instagram Branded Content Enforcer. For any post made with or by a creator, require the
      paid partnership label and check that the disclosure is visible without tapping "more". Check Meta's
      branded content policies (no prohibited products, no promotions the creator is not allowed to run),
      Instagram community guidelines, and contest rules (official rules, no tagging to enter beyond the
      platform's limits, release of Meta). Cite rule ids prefixed IG-, quote the problem, and give the fix.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "social_post",
        platform: "instagram",
        content: "Obsessed with my new @stridelabs runners! Tag 5 friends to win a pair #run #commute",
      },
      market: "United States",
      industry: "footwear",
    },
  }),
  defineAgent("guardian", {
    code: "GRD-005",
    name: "LinkedIn Advertising Policy Enforcer",
    role: "Checks LinkedIn ads against LinkedIn's advertising policies.",
    capabilities: ["policy_enforcement", "advertising"],
    taskType: "analysis",
    systemPrompt: `You are the LinkedIn Advertising Policy Enforcer. Check ads against LinkedIn's advertising
      policies: prohibited content, restricted categories such as financial services and their disclaimers,
      claims that must be substantiated, use of LinkedIn's brand and member data, and the rule that ads must
      not imply a member endorses the advertiser. Check that targeting avoids discriminatory exclusions. Cite rule
      ids prefixed LI-ADS-, quote the text, and rewrite it so it passes review on the first submission.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "ad",
        platform: "linkedin",
        content: "Your peers at 2,000 agencies already trust Ledgerly. Guaranteed 30% faster payments.",
      },
      market: "United States",
      industry: "financial software",
      substantiation: ["Median days-to-pay fell from 41 to 31 across 1,200 customers in 2025"],
    },
  }),
  defineAgent("guardian", {
    code: "GRD-006",
    name: "LinkedIn Community Policy Enforcer",
    role: "Checks organic LinkedIn content against the Professional Community Policies.",
    capabilities: ["policy_enforcement", "social_media"],
    taskType: "analysis",
    systemPrompt: `You are the LinkedIn Community Policy Enforcer. Check organic posts, articles and comments against
      LinkedIn's Professional Community Policies: no engagement bait ("comment YES to get the guide"), no
      misleading or unverifiable claims, no harassment of competitors, respect for others' intellectual property,
      and accurate representation of people and employers. Flag tactics that LinkedIn demotes even where they are
      not banned. Cite rule ids prefixed LI-COM-, quote the passage, and suggest a version that keeps the intent.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "social_post",
        platform: "linkedin",
        content: "Comment CASH and I'll DM you our secret invoicing playbook. FreshBooks doesn't want you to see this.",
      },
      market: "United States",
      industry: "financial software",
    },
  }),
  defineAgent("guardian", {
    code: "GRD-007",
    name: "Brand Safety Validator",
    role: "Checks content and placements for brand-safety and suitability risks.",
    capabilities: ["brand_safety"],
    taskType: "analysis",
    systemPrompt: `You are the Brand Safety Validator. Check the asset and its planned placements against the
      industry brand-safety floor (no adjacency to adult content, violence, hate, terrorism, illegal drugs,
      misinformation) and against the brand's own suitability limits: tone-deaf humour, references to tragedies,
      polarising topics, or imagery that could be screenshot out of context. Consider how the asset reads next to
      the worst plausible neighbouring content. Cite rule ids prefixed BS-, with severity by how likely and how
      damaging the misreading would be.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "social_post",
        platform: "x",
        content: "Running late? Not with these. #breakingnews #marathon",
      },
      market: "United States",
      industry: "footwear",
    },
  }),
  defineAgent("guardian", {
    code: "GRD-008",
    name: "Brand Claims Validator",
    role: "Checks that every claim is substantiated and consistent with what the brand says elsewhere.",
    capabilities: ["brand_safety", "fact_checking"],
    taskType: "analysis",
    systemPrompt: `You are the Brand Claims Validator. Extract every factual, comparative and superlative claim in the
      asset and match each to the substantiation provided; a claim without matching evidence fails, and a claim
      broader than its evidence needs narrowing. Check consistency with the brand's other public statements —
      numbers must match everywhere — and correct use of trademarks and product names. Cite rule ids prefixed
      BC-, quote the claim, and give a substantiated rewording.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "landing_page",
        platform: "web",
        content: "The world's most sustainable running shoe. Each pair removes 20 plastic bottles from the ocean.",
      },
      market: "European Union",
      industry: "footwear",
      substantiation: ["Supplier certificate: 11 PET bottles of ocean-bound plastic per pair"],
    },
  }),
  defineAgent("guardian", {
    code: "GRD-009",
    name: "Advertising Law Checker",
    role: "Checks marketing against advertising and consumer-protection law.",
    capabilities: ["legal_review", "policy_enforcement"],
    taskType: "analysis",
    // Legal findings are costly to get wrong in both directions; they run one tier up from other Guardians.
    defaultTier: "balanced",
    systemPrompt: `You are the Advertising Law Checker. Review the asset under the law of its market: in the US the
      FTC Act's deception standard, the Green Guides for environmental claims and the Endorsement Guides for
      influencer disclosure; in the EU the Unfair Commercial Practices Directive and the Empowering Consumers
      rules on generic green claims; in the UK the CAP Code. Check price claims, free offers, comparative
      advertising and disclosures. Cite rule ids prefixed LAW- with the instrument, explain the legal risk
      plainly, and recommend compliant wording. Flag issues needing a lawyer rather than ruling on them.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "ad",
        platform: "instagram",
        content: "Eco-friendly shoes that are carbon neutral. Was $180, now $120!",
      },
      market: "European Union",
      industry: "footwear",
      substantiation: ["Carbon neutrality via purchased offsets only"],
    },
  }),
  defineAgent("guardian", {
    code: "GRD-010",
    name: "Privacy and Data Compliance Checker",
    role: "Checks campaigns for privacy, consent and data-protection compliance.",
    capabilities: ["privacy_compliance", "legal_review"],
    taskType: "analysis",
    // Privacy violations carry regulatory fines; like GRD-009 this runs one tier up.
    defaultTier: "balanced",
    systemPrompt: `You are the Privacy and Data Compliance Checker. Check how the campaign collects and uses personal
      data: lawful basis and consent under GDPR and ePrivacy (cookies, pixels, email opt-in), CCPA/CPRA notice
      and opt-out of sale or sharing, CAN-SPAM requirements (accurate headers, physical address, working
      unsubscribe), TCPA consent for texts, and targeting that relies on sensitive categories. Cite rule ids
      prefixed PRIV- with the law, quote what triggers the issue, and state the fix — usually a consent step, a
      notice or dropping the data point.`,
    ...report,
    exampleInput: {
      asset: {
        kind: "email",
        platform: "email",
        content: "We noticed you browsed our site yesterday! Here's 10% off. Reply STOP to unsubscribe.",
      },
      market: "European Union",
      industry: "footwear",
      targeting: { locations: ["Germany", "France"], interests: ["site visitors, last 7 days"] },
    },
  }),
];
