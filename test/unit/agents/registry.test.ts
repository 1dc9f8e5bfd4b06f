import * as v from "valibot";
import { describe, expect, it } from "vitest";
import {
  type AgentDefinition,
  agentRegistry,
  CAPABILITIES,
  GUILD_PREFIX,
  GUILDS,
  getAgent,
  listAgents,
  toRegistryEntry,
} from "../../../shared/agents/registry/index.ts";
import { MemoryBreakerStore } from "../../../shared/models/breaker-store-memory.ts";
import { CircuitBreaker } from "../../../shared/models/circuit-breaker.ts";
import { createModelResolver } from "../../../shared/models/model-resolver.ts";
import { generateStructured } from "../../../shared/models/model-router.ts";
import { defaultTierRouting, tierForTask } from "../../../shared/models/tiers.ts";

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

/** The example with every top-level value swapped for one of the wrong type. */
function corrupted(example: unknown): Record<string, unknown> {
  const wrong = (value: unknown) =>
    typeof value === "string"
      ? 42
      : typeof value === "number"
        ? "forty-two"
        : Array.isArray(value)
          ? "a list"
          : [value];
  return Object.fromEntries(
    Object.entries(example as Record<string, unknown>).map(([key, value]) => [key, wrong(value)]),
  );
}

function issues(schema: v.GenericSchema, value: unknown): string[] {
  const result = v.safeParse(schema, value);
  return result.issues?.map((issue) => `${v.getDotPath(issue) ?? "(root)"}: ${issue.message}`) ?? [];
}

describe("agent registry", () => {
  it("holds exactly 87 agents with unique, well-formed codes", () => {
    expect(agentRegistry).toHaveLength(87);
    const codes = agentRegistry.map((agent) => agent.code);
    expect(new Set(codes).size).toBe(87);
    for (const agent of agentRegistry) {
      expect(agent.code).toMatch(new RegExp(`^${GUILD_PREFIX[agent.guild]}-\\d{3}$`));
    }
  });

  it("has 7 Lords and 20/30/20/10 agents per guild, numbered from 001 without gaps", () => {
    const expected = { council: 7, research: 20, muse: 30, matrix: 20, guardian: 10 };
    for (const guild of GUILDS) {
      const codes = listAgents({ guild }).map((agent) => agent.code);
      expect(codes).toHaveLength(expected[guild]);
      expect(codes).toEqual(
        Array.from({ length: expected[guild] }, (_, i) => `${GUILD_PREFIX[guild]}-${String(i + 1).padStart(3, "0")}`),
      );
    }
  });

  it("names the Lords and the spec's named agents as the spec does", () => {
    expect(listAgents({ guild: "council" }).map((agent) => agent.name)).toEqual([
      "The Architect",
      "The Cognition",
      "The Strategos",
      "The Aesthete",
      "The Seer",
      "The Arbiter",
      "The Herald",
    ]);
    expect(getAgent("RES-001")?.name).toBe("Market Researcher");
    expect(getAgent("RES-002")?.name).toBe("Competitor Analyst");
    expect(getAgent("RES-020")?.name).toBe("Synthesis Agent");
    expect(getAgent("MUSE-001")?.name).toBe("Headline Copywriter");
    expect(getAgent("MUSE-011")?.name).toBe("Visual Designer");
    expect(getAgent("MTX-001")?.name).toBe("Competitor Tracker");
  });

  it("gives every agent its own substantial system prompt", () => {
    const prompts = agentRegistry.map((agent) => agent.systemPrompt);
    expect(new Set(prompts).size).toBe(87);
    for (const agent of agentRegistry) {
      expect(agent.systemPrompt.length, agent.code).toBeGreaterThanOrEqual(350);
      expect(agent.systemPrompt, agent.code).toContain(agent.name);
    }
    // No shared template with the name swapped in: any two prompts share well under half their vocabulary.
    const vocabularies = prompts.map(words);
    for (let i = 0; i < vocabularies.length; i++) {
      for (let j = i + 1; j < vocabularies.length; j++) {
        const similarity = jaccard(vocabularies[i] as Set<string>, vocabularies[j] as Set<string>);
        expect(similarity, `${agentRegistry[i]?.code} vs ${agentRegistry[j]?.code}`).toBeLessThan(0.35);
      }
    }
  });

  it("uses only the capability vocabulary, and uses all of it", () => {
    const used = new Set(agentRegistry.flatMap((agent) => agent.capabilities));
    for (const capability of used) expect(CAPABILITIES).toContain(capability);
    expect([...used].sort()).toEqual([...CAPABILITIES].sort());
    for (const agent of agentRegistry) expect(agent.capabilities.length, agent.code).toBeGreaterThan(0);
  });

  it("runs agents on their task type's tier unless an override is documented", () => {
    const overridden = agentRegistry.filter((agent) => agent.defaultTier !== tierForTask(agent.taskType));
    expect(overridden.map((agent) => agent.code)).toEqual(["GRD-009", "GRD-010"]);
    expect(getAgent("LORD-001")?.defaultTier).toBe("strongest");
    expect(getAgent("LORD-005")?.defaultTier).toBe("fast");
    expect(getAgent("RES-001")?.defaultTier).toBe("fast");
    expect(getAgent("MUSE-001")?.defaultTier).toBe("balanced");
  });

  for (const agent of agentRegistry) {
    it(`${agent.code} accepts its example input and rejects a corrupted one`, () => {
      expect(issues(agent.inputSchema, agent.exampleInput)).toEqual([]);
      expect(v.safeParse(agent.inputSchema, corrupted(agent.exampleInput)).success).toBe(false);
      expect(v.safeParse(agent.inputSchema, {}).success).toBe(false);
    });
  }

  it("looks agents up by code and filters by guild and capability", () => {
    expect(getAgent("muse-001")?.code).toBe("MUSE-001");
    expect(getAgent("MUSE-031")).toBeUndefined();
    const guardians = listAgents({ guild: "guardian", capability: "legal_review" }).map((agent) => agent.code);
    expect(guardians).toEqual(["GRD-009", "GRD-010"]);
    expect(listAgents({ capability: "forecasting" }).map((agent) => agent.code)).toEqual(
      expect.arrayContaining(["LORD-005", "MTX-016"]),
    );
    expect(listAgents()).toHaveLength(87);
  });

  it("publishes JSON-friendly entries with input and output JSON Schemas, without prompts", () => {
    for (const agent of agentRegistry) {
      const entry = toRegistryEntry(agent);
      expect(JSON.parse(JSON.stringify(entry))).toEqual(entry);
      expect(entry.inputSchema.type).toBe("object");
      expect(entry.outputSchema.type).toBe("object");
      expect(entry).not.toHaveProperty("systemPrompt");
    }
  });
});

describe("agent registry on the offline model", () => {
  const deps = () => ({
    routing: defaultTierRouting({}),
    resolveModel: createModelResolver({}),
    breaker: new CircuitBreaker(new MemoryBreakerStore()),
  });

  async function run(agent: AgentDefinition) {
    return generateStructured(
      {
        tier: agent.defaultTier,
        system: agent.systemPrompt,
        prompt: JSON.stringify(agent.exampleInput),
        schema: agent.outputSchema,
      },
      deps(),
    );
  }

  it("produces output valid against every agent's output schema for its example input", async () => {
    for (const agent of agentRegistry) {
      const result = await run(agent);
      expect(issues(agent.outputSchema, result.object), agent.code).toEqual([]);
      expect(result.attempts, `${agent.code} needed a repair`).toBe(1);
    }
  });

  it("derives the content from the example input", async () => {
    const headlines = (await run(getAgent("MUSE-001") as AgentDefinition)).object as {
      variants: { headline: string }[];
    };
    expect(headlines.variants[0]?.headline).toContain("Stride Labs");
    const competitors = (await run(getAgent("RES-002") as AgentDefinition)).object as {
      competitors: { name: string }[];
    };
    expect(JSON.stringify(competitors)).toMatch(/Allbirds|Veja|Stride Labs/);
  });
});
