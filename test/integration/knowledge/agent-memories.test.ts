import { describe, expect, it } from "vitest";
import type { AgentMemoryListResponse, AgentRetrievalResponse } from "../../../functions/knowledge/index.ts";
import { ensureCodexKnowledge } from "../../../shared/knowledge/codex/bootstrap.ts";
import {
  ingest,
  knowledgeDeps,
  parseKnowledgeInput,
  retrieveForAgent,
  supersede,
} from "../../../shared/knowledge/index.ts";
import { call, countRows, type ErrorBody } from "../../helpers/api.ts";
import { USERS } from "../../helpers/db.ts";
import { testServices } from "../cache/services.ts";
import { intelOf, knowledgeWorkspace, sql } from "./fixtures.ts";

const deps = knowledgeDeps(testServices());

/** A learning the Cognition Lord writes back (LORD-002), as a best-practices document. */
function learning(text: string) {
  return parseKnowledgeInput({
    title: "Benefit-first copy on paid channels",
    category: "best_practices",
    collection: "campaign_briefs",
    source: "LORD-002 learning",
    memory_type: "insight",
    agent_code: "LORD-002",
    document: { template: "best_practices", practice: "Benefit-first paid copy", context: text },
  });
}

describe("retrieveForAgent", () => {
  it("happy: memories with citations and a prompt block; cached until the knowledge changes", async () => {
    const workspaceId = await knowledgeWorkspace();
    await ingest(
      deps,
      { workspaceId },
      parseKnowledgeInput(intelOf("Initech", "Initech cut annual plan prices by 20 percent.")),
    );
    const first = await retrieveForAgent(deps, {
      workspaceId,
      agentCode: "MTX-003",
      task: "Initech pricing moves",
      topK: 3,
    });
    expect(first.cached).toBe(false);
    expect(first.memories[0]).toMatchObject({
      citation: "K1",
      collection: "competitor_intel",
      category: "competitive_intelligence",
    });
    expect(first.memories[0]!.text).toContain("Initech cut annual plan prices");
    expect(first.context).toContain(
      "[K1] Initech intelligence (competitor_intel, competitive_intelligence; source: unspecified)",
    );

    const again = await retrieveForAgent(deps, {
      workspaceId,
      agentCode: "MTX-003",
      task: "Initech pricing moves",
      topK: 3,
    });
    expect(again).toMatchObject({ cached: true, knowledge_version: first.knowledge_version });

    await ingest(deps, { workspaceId }, parseKnowledgeInput(intelOf("Initech", "Initech launched a free tier.")));
    const fresh = await retrieveForAgent(deps, {
      workspaceId,
      agentCode: "MTX-003",
      task: "Initech pricing moves",
      topK: 3,
    });
    expect(fresh.cached).toBe(false);
    expect(fresh.knowledge_version).toBeGreaterThan(first.knowledge_version);
  });

  it("happy: a guild reads its own collections (the Muse guild does not read competitor intel)", async () => {
    const workspaceId = await knowledgeWorkspace();
    await ingest(
      deps,
      { workspaceId },
      parseKnowledgeInput(intelOf("Initech", "Initech cut annual plan prices by 20 percent.")),
    );
    const muse = await retrieveForAgent(deps, {
      workspaceId,
      agentCode: "MUSE-001",
      task: "Initech pricing",
      topK: 10,
    });
    expect(muse.memories.every((memory) => memory.collection !== "competitor_intel")).toBe(true);
    const council = await retrieveForAgent(deps, {
      workspaceId,
      agentCode: "LORD-001",
      task: "Initech pricing",
      topK: 10,
    });
    expect(council.memories.some((memory) => memory.collection === "competitor_intel")).toBe(true);
  });

  it("edge: an empty task retrieves nothing; an unknown agent is refused", async () => {
    const workspaceId = await knowledgeWorkspace();
    expect((await retrieveForAgent(deps, { workspaceId, agentCode: "RES-001", task: "  " })).memories).toEqual([]);
    await expect(retrieveForAgent(deps, { workspaceId, agentCode: "RES-999", task: "x" })).rejects.toThrow(
      "No agent RES-999",
    );
  });
});

describe("GET /agents/:code/memories", () => {
  it("happy: a viewer gets the agent's RAG retrieval (knowledge:read, not agents:invoke)", async () => {
    const workspaceId = await knowledgeWorkspace();
    await ingest(
      deps,
      { workspaceId },
      parseKnowledgeInput(intelOf("Initech", "Initech cut annual plan prices by 20 percent.")),
    );
    const res = await call<AgentRetrievalResponse>(
      USERS.victor,
      `/api/workspaces/${workspaceId}/agents/mtx-003/memories?query=Initech%20pricing&top_k=2`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const retrieval = res.body.data;
    expect(retrieval.memories.length).toBeGreaterThan(0);
    expect(retrieval.memories[0]!.citation).toBe("K1");
    expect(retrieval.context).toContain("[K1]");
    expect(retrieval.knowledge_version).toBeGreaterThan(0);
  });

  it("happy: without a query, the memories the agent wrote, newest first", async () => {
    const workspaceId = await knowledgeWorkspace();
    await ingest(deps, { workspaceId }, learning("Paid social campaigns where conversion matters more than clicks."));
    const res = await call<AgentMemoryListResponse>(
      USERS.victor,
      `/api/workspaces/${workspaceId}/agents/LORD-002/memories`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.data[0]).toMatchObject({
      source: "LORD-002 learning",
      memory_type: "insight",
      metadata: { agent_code: "LORD-002" },
    });
    const other = await call<AgentMemoryListResponse>(
      USERS.victor,
      `/api/workspaces/${workspaceId}/agents/LORD-001/memories`,
    );
    expect(other.body.data).toEqual([]);
  });

  it("error: an unknown agent is 404, a malformed code 400", async () => {
    const workspaceId = await knowledgeWorkspace();
    const unknown = await call<ErrorBody>(
      USERS.victor,
      `/api/workspaces/${workspaceId}/agents/RES-999/memories?query=x`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("AGENT_NOT_FOUND");
    expect((await call(USERS.victor, `/api/workspaces/${workspaceId}/agents/nobody/memories`)).status).toBe(400);
  });
});

describe("supersede", () => {
  it("happy: a revised learning replaces the old document; the deletion names its replacement", async () => {
    const workspaceId = await knowledgeWorkspace();
    const old = await ingest(deps, { workspaceId }, learning("Question headlines win on paid social."));
    const oldDocument = old.results[0]!.document_id!;
    const outcome = await supersede(
      deps,
      { workspaceId },
      { documentId: oldDocument },
      learning("Benefit-first headlines win on conversion; question headlines only on clicks."),
      { reason: "contradicted by the spring launch" },
    );
    expect(outcome.replacement.created).toBeGreaterThan(0);
    expect(outcome.removed.every((row) => row.document_id === oldDocument)).toBe(true);
    const documents = await sql<{ document: string }[]>`
      select distinct metadata->>'document_id' as document from public.agent_memories where workspace_id = ${workspaceId}`;
    expect(documents.map((row) => row.document)).toEqual([outcome.replacement.document_id]);
    const [deleted] = await sql<{ payload: { superseded_by: string; reason: string } }[]>`
      select payload from public.events where workspace_id = ${workspaceId} and event_type = 'knowledge.deleted'`;
    expect(deleted?.payload).toMatchObject({
      superseded_by: outcome.replacement.document_id,
      reason: "contradicted by the spring launch",
    });
  });

  it("edge: superseding with identical text keeps the shared chunks", async () => {
    const workspaceId = await knowledgeWorkspace();
    await ingest(deps, { workspaceId }, learning("Same words."));
    const [row] = await sql<{ id: string }[]>`select id from public.agent_memories where workspace_id = ${workspaceId}`;
    const outcome = await supersede(deps, { workspaceId }, { memoryId: row!.id }, learning("Same words."));
    expect(outcome.removed).toEqual([]);
    expect(await countRows(sql, "agent_memories", workspaceId)).toBe(1);
  });
});

describe("Codex bootstrap", () => {
  it("happy: loaded once per workspace; again is a no-op; forcing it changes nothing already current", async () => {
    const workspaceId = await knowledgeWorkspace();
    const first = await ensureCodexKnowledge(deps, workspaceId);
    const [count] = await sql<{ n: number; documents: number }[]>`
      select count(*)::int as n, count(distinct metadata->>'document_id')::int as documents
      from public.agent_memories where workspace_id = ${workspaceId} and namespace = 'codex_knowledge'`;
    // 7 Lords, 4 guilds, 80 guild agents and the knowledge base: 92 documents, one chunk or more each.
    expect(count?.documents).toBe(92);
    expect(first).toEqual({ loaded: true, created: count?.n, removed: 0 });
    expect(await ensureCodexKnowledge(deps, workspaceId)).toEqual({ loaded: false, created: 0, removed: 0 });
    expect(await ensureCodexKnowledge(deps, workspaceId, { force: true })).toEqual({
      loaded: true,
      created: 0,
      removed: 0,
    });
    // One event for the load, by the platform itself (no actor).
    const events = await sql<{ actor_id: string | null; payload: { documents: unknown[] } }[]>`
      select actor_id, payload from public.events where workspace_id = ${workspaceId} and event_type = 'knowledge.ingested'`;
    expect(events.map((event) => [event.actor_id, event.payload.documents.length])).toEqual([[null, 92]]);
  });

  it("happy: an agent asking about the system gets the Codex", async () => {
    const workspaceId = await knowledgeWorkspace();
    const retrieval = await retrieveForAgent(deps, {
      workspaceId,
      agentCode: "LORD-001",
      task: "Which guild agent checks LinkedIn advertising policy?",
      topK: 3,
    });
    expect(retrieval.memories.map((memory) => memory.title)).toContain("GRD-005 LinkedIn Advertising Policy Enforcer");
  });
});
