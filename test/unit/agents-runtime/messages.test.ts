import { describe, expect, it } from "vitest";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import { lastError } from "../../../shared/agents/runtime/dead-letters.ts";
import { buildPrompt } from "../../../shared/agents/runtime/prompt.ts";
import { publicUrl } from "../../../shared/agents/runtime/publisher.ts";

const b64 = (text: string) => btoa(text);

describe("failure callbacks", () => {
  const base = { body: "", retried: 3, maxRetries: 3, sourceMessageId: "msg_1", sourceBody: "" };

  it("reads the consumer's error envelope", () => {
    const body = b64(JSON.stringify({ status: "error", code: "SERVICE_UNAVAILABLE", error: "No model available" }));
    expect(lastError({ ...base, status: 503, body })).toBe("SERVICE_UNAVAILABLE: No model available (HTTP 503)");
  });

  it("falls back to the raw body or the unreachable destination", () => {
    expect(lastError({ ...base, status: 502, body: b64("Bad gateway") })).toBe(
      "consumer answered HTTP 502: Bad gateway",
    );
    expect(lastError({ ...base, status: 0 })).toBe("QStash could not reach the consumer");
  });
});

describe("prompts and URLs", () => {
  it("puts the input, then labelled upstream results, in the prompt", () => {
    const agent = getAgent("MUSE-001");
    if (!agent) throw new Error("MUSE-001 missing");
    const prompt = buildPrompt(agent, { brand: "Stride" }, [
      { nodeKey: "market", agentCode: "RES-001", output: { size: 1 } },
    ]);
    expect(prompt).toContain('"brand": "Stride"');
    expect(prompt).toContain('Step "market" (RES-001)');
    expect(prompt.indexOf("Input")).toBeLessThan(prompt.indexOf("Step"));
  });

  it("joins the public base URL and a path", () => {
    expect(publicUrl("http://127.0.0.1:8787", "/internal/agents/execute")).toBe(
      "http://127.0.0.1:8787/internal/agents/execute",
    );
    expect(publicUrl("https://api.example.com/", "/internal/agents/execute")).toBe(
      "https://api.example.com/internal/agents/execute",
    );
  });
});
