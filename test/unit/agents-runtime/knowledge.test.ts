import { describe, expect, it } from "vitest";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import { taskQuery } from "../../../shared/agents/runtime/knowledge.ts";
import { buildPrompt } from "../../../shared/agents/runtime/prompt.ts";

const agent = getAgent("RES-001")!;

describe("taskQuery", () => {
  it("happy: the input's strings and numbers in document order", () => {
    const query = taskQuery(agent, {
      brand: { name: "Stride", tone: ["calm", " "] },
      market: "United  States",
      budget: 5000,
      active: true,
    });
    expect(query).toBe("Stride. calm. United States. 5000");
  });

  it("edge: falls back to the agent's role and caps the length", () => {
    expect(taskQuery(agent, {})).toBe(agent.role);
    expect(taskQuery(agent, { text: "x".repeat(5_000) })).toHaveLength(1_000);
  });
});

describe("buildPrompt with knowledge", () => {
  it("puts the knowledge block after the upstream results, before the answer instruction", () => {
    const prompt = buildPrompt(
      agent,
      { market: "US" },
      [{ nodeKey: "a", agentCode: "RES-002", output: {} }],
      "Knowledge from this workspace (cite as [K1], …):\n\n[K1] Note",
    );
    expect(prompt.indexOf('Step "a"')).toBeLessThan(prompt.indexOf("[K1] Note"));
    expect(prompt.indexOf("[K1] Note")).toBeLessThan(prompt.indexOf("Answer with a single JSON value"));
    expect(buildPrompt(agent, { market: "US" })).not.toContain("Knowledge");
  });
});
