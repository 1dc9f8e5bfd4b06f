import { describe, expect, it } from "vitest";
import type { AgentResponse, RegistryResponse } from "../../../functions/agents/index.ts";
import type { RegistryEntry } from "../../../shared/agents/registry/index.ts";
import { call, type ErrorBody } from "../../helpers/api.ts";
import { USERS } from "../../helpers/db.ts";

describe("GET /api/agents/registry", () => {
  it("happy: lists all 87 agents with their schemas as JSON Schema, no system prompts", async () => {
    const { status, body } = await call<RegistryResponse>(USERS.nina, "/api/agents/registry");
    expect(status).toBe(200);
    expect(body.data).toHaveLength(87);
    expect(body.next_cursor).toBeNull();
    const first = body.data[0] as RegistryEntry & { systemPrompt?: string };
    expect(first.code).toBe("LORD-001");
    expect(first.inputSchema.type).toBe("object");
    expect(first.systemPrompt).toBeUndefined();
  });

  it("happy: filters by guild and by capability", async () => {
    const muse = await call<RegistryResponse>(USERS.victor, "/api/agents/registry?guild=muse");
    expect(muse.body.data).toHaveLength(30);
    expect(muse.body.data.every((agent) => agent.guild === "muse")).toBe(true);
    const seo = await call<RegistryResponse>(USERS.victor, "/api/agents/registry?guild=muse&capability=seo");
    expect(seo.body.data.length).toBeGreaterThan(0);
    expect(seo.body.data.every((agent) => agent.capabilities.includes("seo"))).toBe(true);
  });

  it("error: rejects an unknown guild or capability", async () => {
    const { status, body } = await call<ErrorBody>(USERS.victor, "/api/agents/registry?guild=wizards");
    expect(status).toBe(400);
    expect(body.details[0]?.field).toBe("guild");
    expect((await call(USERS.victor, "/api/agents/registry?capability=juggling")).status).toBe(400);
  });

  it("security: needs a signed-in caller", async () => {
    expect((await call(null, "/api/agents/registry")).status).toBe(401);
  });
});

describe("GET /api/agents/:code", () => {
  it("happy: returns one agent, case-insensitively", async () => {
    const { status, body } = await call<AgentResponse>(USERS.victor, "/api/agents/res-001");
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ code: "RES-001", guild: "research", taskType: "research", defaultTier: "fast" });
    expect(body.data.exampleInput).toBeTruthy();
  });

  it("error: 404 for an unknown code, 400 for a malformed one", async () => {
    expect((await call<ErrorBody>(USERS.victor, "/api/agents/RES-999")).body.code).toBe("AGENT_NOT_FOUND");
    expect((await call(USERS.victor, "/api/agents/not-a-code")).status).toBe(400);
  });
});
