import { describe, expect, it } from "vitest";
import type {
  AgentRetrievalResponse,
  IngestResponse,
  MemoryListResponse,
  SearchResponse,
} from "../../../functions/knowledge/index.ts";
import { buildFilter } from "../../../shared/knowledge/filter.ts";
import { knowledgeDeps } from "../../../shared/knowledge/index.ts";
import { retrieveForAgent } from "../../../shared/knowledge/retrieve.ts";
import { search } from "../../../shared/knowledge/search.ts";
import { type Category, COLLECTIONS } from "../../../shared/knowledge/vocabulary.ts";
import { call, type ErrorBody } from "../../helpers/api.ts";
import { USERS } from "../../helpers/db.ts";
import { testServices } from "../cache/services.ts";
import { intelOf, knowledgePath, knowledgeWorkspace } from "./fixtures.ts";

const services = testServices();
const SECRET = "Project Nightjar launches in Q3 with a forty percent founding-customer discount";

/** Workspace A holds the secret; workspace B is the attacker's, where gina is admin. */
async function victimAndAttacker() {
  const victim = await knowledgeWorkspace();
  const attacker = await knowledgeWorkspace([[USERS.gina, "admin"]]);
  const created = await call<IngestResponse>(USERS.ana, knowledgePath(victim), {
    body: intelOf("Nightjar", SECRET, { collection: "campaign_briefs", category: "campaign_management" }),
  });
  expect(created.status).toBe(201);
  return {
    victim,
    attacker,
    memoryId: created.body.data.memories[0]!.memory_id,
    documentId: created.body.data.document_id!,
  };
}

const noSecret = (texts: readonly string[]) => expect(texts.some((text) => text.includes("Nightjar"))).toBe(false);

describe("cross-workspace isolation", () => {
  it("security: another workspace's search, list and agent memories never return the memory", async () => {
    const { victim, attacker } = await victimAndAttacker();
    // The victim finds it, so the attacker's empty answer means isolation, not a broken search.
    const own = await call<SearchResponse>(
      USERS.victor,
      knowledgePath(victim, "/search?q=Project%20Nightjar%20discount"),
    );
    expect(own.body.data[0]?.text).toContain("Nightjar");

    const searched = await call<SearchResponse>(
      USERS.gina,
      knowledgePath(attacker, "/search?q=Project%20Nightjar%20discount&top_k=100"),
    );
    expect(searched.status).toBe(200);
    noSecret(searched.body.data.map((hit) => hit.text));
    const listed = await call<MemoryListResponse>(USERS.gina, knowledgePath(attacker, "?limit=100"));
    noSecret(listed.body.data.map((memory) => memory.content));
    const recalled = await call<AgentRetrievalResponse>(
      USERS.gina,
      `/api/workspaces/${attacker}/agents/LORD-001/memories?query=Project%20Nightjar%20discount&top_k=100`,
    );
    expect(recalled.status).toBe(200);
    noSecret(recalled.body.data.memories.map((memory) => memory.text));
  });

  it("security: another workspace cannot read or delete the memory by id, nor reach the victim's workspace", async () => {
    const { victim, attacker, memoryId, documentId } = await victimAndAttacker();
    expect((await call(USERS.gina, knowledgePath(attacker, `/${memoryId}`))).status).toBe(404);
    expect((await call(USERS.gina, knowledgePath(attacker, `/${memoryId}`), { method: "DELETE" })).status).toBe(404);
    expect(
      (await call(USERS.gina, knowledgePath(attacker, `/documents/${documentId}`), { method: "DELETE" })).status,
    ).toBe(404);
    for (const path of ["/search?q=Nightjar", `/${memoryId}`, ""]) {
      const res = await call<ErrorBody>(USERS.gina, knowledgePath(victim, path));
      expect(res.status, path).toBe(404);
      expect(res.body.code).toBe("WORKSPACE_NOT_FOUND");
    }
    expect((await call(USERS.victor, knowledgePath(victim, `/${memoryId}`))).status).toBe(200);
  });

  it("security: crafted filter strings in parameters are refused, and filter syntax in the query text is just text", async () => {
    const { victim, attacker } = await victimAndAttacker();
    const crafted = [
      `category=${encodeURIComponent(`campaign_management' OR workspace_id = '${victim}`)}`,
      `collection=${encodeURIComponent("campaign_briefs) OR (workspace_id != '")}`,
      `template=${encodeURIComponent("x' OR HAS FIELD workspace_id OR '")}`,
    ];
    for (const query of crafted) {
      const res = await call<ErrorBody>(USERS.gina, knowledgePath(attacker, `/search?q=Nightjar&${query}`));
      expect(res.status, query).toBe(400);
    }
    const injected = encodeURIComponent(`Nightjar' OR workspace_id = '${victim}' OR '`);
    const res = await call<SearchResponse>(USERS.gina, knowledgePath(attacker, `/search?q=${injected}&top_k=100`));
    expect(res.status).toBe(200);
    noSecret(res.body.data.map((hit) => hit.text));
  });

  it("security: the module refuses to cross workspaces even when handed crafted values directly", async () => {
    const { victim, attacker } = await victimAndAttacker();
    const deps = knowledgeDeps(services); // service role: no RLS behind the filters
    const attacks = [
      `campaign_management' OR workspace_id = '${victim}`,
      "x') OR (workspace_id != 'y",
    ] as unknown as Category[];
    for (const category of attacks) {
      const hits = await search(deps, { workspaceId: attacker, query: SECRET, categories: [category], topK: 100 });
      expect(hits).toEqual([]);
    }
    noSecret((await search(deps, { workspaceId: attacker, query: SECRET, topK: 100 })).map((hit) => hit.text));
    const retrieval = await retrieveForAgent(deps, { workspaceId: attacker, guild: "council", task: SECRET, topK: 50 });
    noSecret(retrieval.memories.map((memory) => memory.text));
    expect(() => buildFilter({ workspaceId: `${attacker}' OR '1' = '1` })).toThrow();
  });

  it("security: in the index itself, the victim's vectors carry its workspace and the attacker's filter excludes them", async () => {
    const { victim, attacker } = await victimAndAttacker();
    for (const collection of COLLECTIONS) {
      const hits = await services.vector.namespace(collection).query({
        data: SECRET,
        topK: 1_000,
        includeMetadata: true,
        filter: buildFilter({ workspaceId: attacker }),
      });
      expect(hits.every((hit) => hit.metadata?.workspace_id === attacker)).toBe(true);
    }
    const mine = await services.vector.namespace("campaign_briefs").query({
      data: SECRET,
      topK: 1,
      includeMetadata: true,
      filter: buildFilter({ workspaceId: victim }),
    });
    expect(mine[0]?.metadata).toMatchObject({
      workspace_id: victim,
      collection: "campaign_briefs",
      template: "market_intelligence",
      category: "campaign_management",
      source: "api",
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      created_at: expect.any(String),
    });
  });
});
