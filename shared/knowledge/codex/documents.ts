import { type AgentDefinition, agentRegistry } from "../../agents/registry/index.ts";
import { type KnowledgeInput, type KnowledgeInputDraft, parseKnowledgeInput } from "../input.ts";
import { CATEGORY_LABELS, COLLECTION_DESCRIPTIONS, COLLECTIONS, TEMPLATES } from "../vocabulary.ts";
import { GUILD_ENTRIES, type GuildEntry, LORD_ENTRIES, type LordEntry } from "./council.ts";

/** The `source` every Codex memory carries; the bootstrap recognises its own rows by it. */
export const CODEX_SOURCE = "codex";

const GUILD_NAMES: Readonly<Record<AgentDefinition["guild"], string>> = {
  council: "Council of Lords",
  research: "Research Guild",
  muse: "Muse Guild",
  matrix: "Matrix Guild",
  guardian: "Guardian Guild",
};

/**
 * The system's own knowledge, one document per Lord, guild and guild agent, plus one on the
 * knowledge base itself: what each does, its capabilities, who oversees it. Derived from the
 * spec (council.ts) and the agent registry, so it changes when they do.
 */
export function codexDocuments(): KnowledgeInput[] {
  return [
    ...LORD_ENTRIES.map(lordDocument),
    ...GUILD_ENTRIES.map(guildDocument),
    ...agentRegistry.filter((agent) => agent.guild !== "council").map(agentDocument),
    knowledgeBaseDocument(),
  ].map(parseKnowledgeInput);
}

type CodexFields = Omit<
  Extract<KnowledgeInputDraft["document"], { template: "organizational_knowledge" }>,
  "template" | "kind"
>;

function codex(title: string, fields: CodexFields, agentCode?: string): KnowledgeInputDraft {
  return {
    title,
    category: "process_documentation",
    collection: "codex_knowledge",
    source: CODEX_SOURCE,
    memory_type: "knowledge",
    ...(agentCode ? { agent_code: agentCode } : {}),
    document: { template: "organizational_knowledge", kind: "process", ...fields },
  };
}

function lordDocument(lord: LordEntry): KnowledgeInputDraft {
  const agent = agentRegistry.find((candidate) => candidate.code === lord.code);
  const oversight = lord.oversees.length > 0 ? ` It oversees the ${lord.oversees.join(" and the ")}.` : "";
  return codex(
    `${lord.code} ${lord.name}`,
    {
      topic: `${lord.name} (${lord.code}), a Lord of the Council: ${lord.responsibility.toLowerCase()}`,
      description:
        `${lord.name} is responsible for ${lord.responsibility.toLowerCase()}. ${lord.decisions}${oversight} ${agent?.role ?? ""}`.trim(),
      owners: ["Council of Lords"],
      steps: lord.capabilities.map(([name, description]) => `${name}: ${description}`),
    },
    lord.code,
  );
}

function guildDocument(guild: GuildEntry): KnowledgeInputDraft {
  const members = agentRegistry.filter((agent) => agent.guild === guild.guild);
  return codex(guild.name, {
    topic: `${guild.name}: ${guild.purpose}`,
    description: `${guild.purpose} Overseen by ${guild.overseenBy}. Its agents: ${members.map((agent) => `${agent.code} ${agent.name}`).join(", ")}.`,
    owners: [guild.overseenBy],
    steps: guild.divisions,
  });
}

function agentDocument(agent: AgentDefinition): KnowledgeInputDraft {
  const guild = GUILD_ENTRIES.find((entry) => entry.guild === agent.guild);
  return codex(
    `${agent.code} ${agent.name}`,
    {
      topic: `${agent.name} (${agent.code}), ${GUILD_NAMES[agent.guild]}`,
      description: `${agent.role} Capabilities: ${agent.capabilities.map((capability) => capability.replace(/_/g, " ")).join(", ")}. Runs on the ${agent.defaultTier} model tier for ${agent.taskType.replace(/_/g, " ")} tasks.`,
      owners: guild ? [guild.overseenBy] : [],
    },
    agent.code,
  );
}

function knowledgeBaseDocument(): KnowledgeInputDraft {
  return codex("The knowledge base", {
    topic: "How RaptorFlow stores and retrieves knowledge",
    description: `Knowledge lives in five collections: ${COLLECTIONS.map((name) => `${name} (${COLLECTION_DESCRIPTIONS[name]})`).join("; ")}. Documents follow one of five templates (${TEMPLATES.join(", ")}) and carry one of ten categories: ${Object.values(CATEGORY_LABELS).join(", ")}. Agents receive the most relevant chunks of their guild's collections in their prompts, cited as K1, K2 and so on; the Cognition Lord records learnings back into it.`,
    owners: ["The Cognition (LORD-002)"],
  });
}
