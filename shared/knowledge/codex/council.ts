/**
 * What the Council and the guilds do, in the words of the spec: the Lords' five capabilities
 * each (council-of-lords-plan.md, weeks 4–7) and their decisions (backend-architecture.md
 * system 3), and each guild's purpose and divisions (systems 4–7). The Codex bootstrap turns
 * these, with the agent registry, into the `codex_knowledge` every workspace starts with.
 */

/** One Lord as the Codex describes it. */
export interface LordEntry {
  code: string;
  name: string;
  responsibility: string;
  decisions: string;
  /** Guilds the Lord oversees (the `guilds` seed). */
  oversees: string[];
  capabilities: [name: string, description: string][];
}

export const LORD_ENTRIES: readonly LordEntry[] = [
  {
    code: "LORD-001",
    name: "The Architect",
    responsibility: "System design and integration",
    decisions: "Routes requests to guilds and approves architectures.",
    oversees: ["Council of Lords"],
    capabilities: [
      ["design_initiative", "Create strategic initiatives with phases, timelines and resource needs."],
      ["analyze_architecture", "Analyze system performance: latency, throughput and error rate."],
      ["optimize_component", "Generate optimization strategies for a component."],
      ["provide_strategic_guidance", "Give guild-specific strategic recommendations."],
      ["review_guild_strategy", "Validate a guild's strategy against organizational goals."],
    ],
  },
  {
    code: "LORD-002",
    name: "The Cognition",
    responsibility: "Learning and knowledge management",
    decisions: "Updates the knowledge base (RAG) and validates knowledge.",
    oversees: ["Intellect Guild"],
    capabilities: [
      ["record_learning", "Capture success, failure and pattern learnings."],
      ["synthesize_knowledge", "Create insights from learnings, with confidence."],
      ["make_decision", "Generate strategic decisions based on learnings."],
      ["mentor_agent", "Provide guidance to other agents."],
      ["get_learning_summary", "Generate knowledge reports."],
    ],
  },
  {
    code: "LORD-003",
    name: "The Strategos",
    responsibility: "Strategic planning and execution",
    decisions: "Sets campaign strategy and goals, plans execution and allocates resources.",
    oversees: [],
    capabilities: [
      ["create_execution_plan", "Multi-objective execution planning."],
      ["assign_task", "Allocate tasks to guilds and agents."],
      ["allocate_resource", "Manage budget, time and compute."],
      ["track_progress", "Monitor progress from 0 to 100 percent."],
      ["optimize_timeline", "Critical path analysis and timeline optimization."],
    ],
  },
  {
    code: "LORD-004",
    name: "The Aesthete",
    responsibility: "Creative quality and brand consistency",
    decisions: "Reviews content and checks brand alignment; approves content scoring 75 or more.",
    oversees: ["Muse Guild"],
    capabilities: [
      ["assess_quality", "Evaluate content quality on a 0–100 score."],
      ["check_brand_compliance", "Verify content against the brand guidelines."],
      ["evaluate_visual_consistency", "Analyze design consistency."],
      ["provide_design_feedback", "Generate constructive design feedback."],
      ["approve_content", "Quality-based approval workflow with a threshold of 75."],
    ],
  },
  {
    code: "LORD-005",
    name: "The Seer",
    responsibility: "Prediction, forecasting and market intelligence",
    decisions: "Forecasts results and predicts trends.",
    oversees: ["Research Guild", "Matrix Guild"],
    capabilities: [
      ["predict_trend", "Forecast with linear, exponential, polynomial, seasonal and cyclical models."],
      ["gather_intelligence", "Gather market, competitive and regulatory intelligence."],
      ["analyze_performance", "Analyze campaign, guild and organizational performance."],
      ["generate_recommendation", "Make strategic recommendations with impact scoring."],
      ["get_forecast_report", "Compile a comprehensive forecast report."],
    ],
  },
  {
    code: "LORD-006",
    name: "The Arbiter",
    responsibility: "Conflict resolution and fair arbitration",
    decisions: "Resolves disagreements between agents and guilds.",
    oversees: ["Guardian Guild"],
    capabilities: [
      ["register_conflict", "Register a conflict case with a severity assessment."],
      ["analyze_conflict", "Analyze root cause and impact."],
      ["propose_resolution", "Propose fair resolutions with fairness scoring."],
      ["make_arbitration_decision", "Make binding decisions with an enforcement strategy."],
      ["handle_appeal", "Handle appeals within the 14-day window."],
    ],
  },
  {
    code: "LORD-007",
    name: "The Herald",
    responsibility: "Communication and reporting",
    decisions: "Generates reports and sends notifications.",
    oversees: ["Heart Guild"],
    capabilities: [
      ["send_notification", "Dispatch notifications over email, Slack, in-app and SMS."],
      ["manage_subscribers", "Manage subscriptions."],
      ["format_message", "Format messages from templates."],
      ["broadcast_event", "Broadcast organization-wide."],
      ["get_communication_log", "Report the communication history."],
    ],
  },
];

/** One guild as the Codex describes it. */
export interface GuildEntry {
  guild: "research" | "muse" | "matrix" | "guardian";
  name: string;
  purpose: string;
  overseenBy: string;
  divisions: string[];
}

export const GUILD_ENTRIES: readonly GuildEntry[] = [
  {
    guild: "research",
    name: "Research Guild",
    purpose: "Data collection, market research and intelligence gathering from external sources (20 agents).",
    overseenBy: "The Seer (LORD-005)",
    divisions: [
      "RES-001 Market Researcher: target market size, segments and trends",
      "RES-002 Competitor Analyst: competitor strategies, positioning and tactics",
      "RES-003 Audience Researcher: persona details, pain points and motivations",
      "RES-004 Industry Trend Analyst: emerging trends, disruptors and shifts",
      "RES-020 Synthesis Agent: aggregates all research into a cohesive brief",
    ],
  },
  {
    guild: "muse",
    name: "Muse Guild",
    purpose: "Creative content generation: copy, visuals, assets and creative strategy (30 agents).",
    overseenBy: "The Aesthete (LORD-004)",
    divisions: [
      "MUSE-001 to 005: copywriters (headlines, body copy, calls to action)",
      "MUSE-006 to 010: content strategists (pillar content, narratives)",
      "MUSE-011 to 015: visual designers",
      "MUSE-016 to 020: video strategists (script, concept, direction)",
      "MUSE-021 to 025: social media specialists (platform-specific content)",
      "MUSE-026 to 030: creative directors (oversee creative quality)",
    ],
  },
  {
    guild: "matrix",
    name: "Matrix Guild",
    purpose: "Intelligence gathering, signal processing, competitive analysis and crisis detection (20 agents).",
    overseenBy: "The Seer (LORD-005)",
    divisions: [
      "MTX-001 to 005: competitive intelligence specialists",
      "MTX-006 to 010: market signal processors",
      "MTX-011 to 015: threat analyzers",
      "MTX-016 to 020: predictive analytics specialists",
    ],
  },
  {
    guild: "guardian",
    name: "Guardian Guild",
    purpose: "Compliance, policy enforcement, brand safety and platform-specific rules (10 agents).",
    overseenBy: "The Arbiter (LORD-006)",
    divisions: [
      "GRD-001 to 002: Google policy enforcers",
      "GRD-003 to 004: Facebook and Meta policy enforcers",
      "GRD-005 to 006: LinkedIn policy enforcers",
      "GRD-007 to 008: brand safety validators",
      "GRD-009 to 010: legal and compliance checkers",
    ],
  },
];
