import { describe, expect, it } from "vitest";
import type {
  BatchResponse,
  IngestResponse,
  MemoryListResponse,
  MemoryResponse,
  SearchResponse,
} from "../../../functions/knowledge/index.ts";
import { knowledgeVersion } from "../../../shared/knowledge/version.ts";
import { TEMPLATES, type Template } from "../../../shared/knowledge/vocabulary.ts";
import { call, countRows, type ErrorBody } from "../../helpers/api.ts";
import { USERS } from "../../helpers/db.ts";
import { testServices } from "../cache/services.ts";
import { documentOf, eventTypesOf, intelOf, knowledgePath, knowledgeWorkspace, sql } from "./fixtures.ts";

const { vector, redis } = testServices();

/** A query only its own template's fixture document answers. */
const QUERIES: Record<Template, string> = {
  campaign_performance: "question headlines won on CTR, benefit-first on conversion",
  brand_guidelines: "Stride Labs brand voice warm direct",
  market_intelligence: "Initech cut mid-market prices",
  best_practices: "two-week creative refresh rotate hooks",
  organizational_knowledge: "legal review of public claims with a number",
};

async function search(workspaceId: string, query: string, extra = "") {
  const res = await call<SearchResponse>(
    USERS.victor,
    knowledgePath(workspaceId, `/search?q=${encodeURIComponent(query)}${extra}`),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.next_cursor).toBeNull();
  return res.body.data;
}

describe("ingest → search round trip", () => {
  it("happy: each template, ingested into its default collection, is found by a query about it", async () => {
    const ws = await knowledgeWorkspace();
    for (const template of TEMPLATES) {
      const res = await call<IngestResponse>(USERS.ana, knowledgePath(ws), { body: documentOf(template) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.data).toMatchObject({ template, created: res.body.data.chunks, duplicates: 0 });
      expect(res.headers.get("location")).toBe(knowledgePath(ws, `/documents/${res.body.data.document_id}`));
    }
    for (const template of TEMPLATES) {
      const [top] = await search(ws, QUERIES[template], "&top_k=3");
      expect(top?.metadata, `query for ${template}`).toMatchObject({
        template,
        category: "best_practices",
        source: "api",
      });
      expect(top!.score).toBeGreaterThan(0);
      expect(top!.text.length).toBeGreaterThan(0);
    }
  });

  it("happy: each writable collection holds and returns its own documents; the filter keeps the others out", async () => {
    const ws = await knowledgeWorkspace();
    const collections = ["campaign_briefs", "competitor_intel", "industry_research", "user_preferences"] as const;
    for (const collection of collections) {
      const res = await call<IngestResponse>(USERS.ana, knowledgePath(ws), {
        body: intelOf(
          `Rival ${collection}`,
          `Rival ${collection} doubled its ${collection.replace(/_/g, " ")} budget.`,
          { collection },
        ),
      });
      expect(res.status).toBe(201);
      expect(res.body.data.collection).toBe(collection);
    }
    for (const collection of collections) {
      const hits = await search(ws, `Rival ${collection} budget`, `&collection=${collection}`);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((hit) => hit.metadata.collection === collection)).toBe(true);
      expect(hits[0]!.text).toContain(`Rival ${collection}`);
    }
    // The Codex is there too, loaded on first use.
    const [codex] = await search(
      ws,
      "which Lord resolves conflicts between agents and handles appeals",
      "&collection=codex_knowledge",
    );
    expect(codex?.title).toBe("LORD-006 The Arbiter");
  });

  it("happy: category and template filters narrow the search", async () => {
    const ws = await knowledgeWorkspace();
    await call(USERS.ana, knowledgePath(ws), { body: intelOf("Initech", "Initech discounts annual plans.") });
    await call(USERS.ana, knowledgePath(ws), {
      body: documentOf("best_practices", { title: "Initech counter-offer playbook", category: "best_practices" }),
    });
    const intel = await search(ws, "Initech", "&category=competitive_intelligence");
    expect(intel.length).toBeGreaterThan(0);
    expect(intel.every((hit) => hit.metadata.category === "competitive_intelligence")).toBe(true);
    const practices = await search(ws, "Initech", "&template=best_practices&collection=campaign_briefs");
    expect(practices.every((hit) => hit.metadata.template === "best_practices")).toBe(true);
  });
});

describe("dedup", () => {
  it("happy: re-ingesting the same text is a no-op: same memories, no new rows, vectors, events or version", async () => {
    const ws = await knowledgeWorkspace();
    const body = documentOf("brand_guidelines");
    const first = await call<IngestResponse>(USERS.ana, knowledgePath(ws), { body });
    const rows = await countRows(sql, "agent_memories", ws);
    const events = await eventTypesOf(ws);

    const again = await call<IngestResponse>(USERS.ana, knowledgePath(ws), { body });
    expect(again.status).toBe(200);
    expect(again.headers.get("location")).toBeNull();
    expect(again.body.data).toMatchObject({ created: 0, duplicates: first.body.data.chunks, knowledge_version: null });
    expect(again.body.data.document_id).toBe(first.body.data.document_id);
    expect(again.body.data.memories.map((m) => m.memory_id)).toEqual(first.body.data.memories.map((m) => m.memory_id));
    expect(await countRows(sql, "agent_memories", ws)).toBe(rows);
    expect(await eventTypesOf(ws)).toEqual(events);

    // Whitespace and line wrapping do not make it new either.
    const rewrapped = { ...body, document: { ...body.document, voice: "  Warm,\n direct,   never smug. " } };
    expect((await call<IngestResponse>(USERS.ana, knowledgePath(ws), { body: rewrapped })).body.data.created).toBe(0);
  });

  it("happy: a batch repeating a document stores it once", async () => {
    const ws = await knowledgeWorkspace();
    const res = await call<BatchResponse>(USERS.ana, knowledgePath(ws, "/batch"), {
      body: {
        items: [documentOf("best_practices"), documentOf("best_practices"), documentOf("organizational_knowledge")],
      },
    });
    expect(res.status).toBe(201);
    if (res.body.data.mode !== "inline") throw new Error("expected an inline batch");
    expect(res.body.data.results.map((r) => [r.created > 0, r.duplicates > 0])).toEqual([
      [true, false],
      [false, true],
      [true, false],
    ]);
    expect(await eventTypesOf(ws)).toEqual(["knowledge.ingested"]);
  });
});

describe("list, read and delete", () => {
  it("happy: deleting a memory removes its row and its vector; search no longer finds it", async () => {
    const ws = await knowledgeWorkspace();
    const created = await call<IngestResponse>(USERS.ana, knowledgePath(ws), {
      body: intelOf("Globex", "Globex opened a Paris office."),
    });
    const memoryId = created.body.data.memories[0]!.memory_id;
    const [row] = await sql<
      { vector_id: string }[]
    >`select vector_id from public.agent_memories where id = ${memoryId}`;
    expect((await vector.namespace("competitor_intel").fetch([row!.vector_id]))[0]).not.toBeNull();

    const removed = await call(USERS.ana, knowledgePath(ws, `/${memoryId}`), { method: "DELETE" });
    expect(removed.status).toBe(204);
    expect(removed.body).toBeNull();
    expect(await knowledgeVersion(redis, ws)).toBeGreaterThan(created.body.data.knowledge_version!);
    const [deleted] = await sql<{ payload: { memory_ids: string[] } }[]>`
      select payload from public.events where workspace_id = ${ws} and event_type = 'knowledge.deleted'`;
    expect(deleted?.payload.memory_ids).toEqual([memoryId]);
    expect((await call(USERS.victor, knowledgePath(ws, `/${memoryId}`))).status).toBe(404);
    expect((await vector.namespace("competitor_intel").fetch([row!.vector_id]))[0]).toBeNull();
    expect((await search(ws, "Globex Paris office", "&collection=competitor_intel")).length).toBe(0);
    expect(await eventTypesOf(ws)).toEqual(["knowledge.ingested", "knowledge.deleted"]);
    expect((await call(USERS.ana, knowledgePath(ws, `/${memoryId}`), { method: "DELETE" })).status).toBe(404);
  });

  it("happy: deleting a document removes all its chunks", async () => {
    const ws = await knowledgeWorkspace();
    const long = Array.from(
      { length: 40 },
      (_, i) => `Finding ${i}: the Globex launch in region ${i} moved share.`,
    ).join("\n\n");
    const created = await call<IngestResponse>(USERS.ana, knowledgePath(ws), {
      body: intelOf("Globex", "Globex regional launches.", {
        document: { ...intelOf("x", "y").document, body: long } as never,
      }),
    });
    expect(created.body.data.chunks).toBeGreaterThan(1);
    const documentId = created.body.data.document_id!;
    const listed = await call<MemoryListResponse>(
      USERS.victor,
      knowledgePath(ws, `?document_id=${documentId}&limit=100`),
    );
    expect(listed.body.data).toHaveLength(created.body.data.chunks);

    const removed = await call(USERS.ana, knowledgePath(ws, `/documents/${documentId}`), { method: "DELETE" });
    expect(removed.status).toBe(204);
    expect(await countRows(sql, "agent_memories", ws)).toBe(0);
  });

  it("happy: the list filters and pages; one memory reads by id", async () => {
    const ws = await knowledgeWorkspace();
    for (const template of TEMPLATES) await call(USERS.ana, knowledgePath(ws), { body: documentOf(template) });
    const page = await call<MemoryListResponse>(USERS.victor, knowledgePath(ws, "?limit=2"));
    expect(page.body.data).toHaveLength(2);
    expect(page.body.next_cursor).not.toBeNull();
    const next = await call<MemoryListResponse>(
      USERS.victor,
      knowledgePath(ws, `?limit=2&cursor=${page.body.next_cursor}`),
    );
    expect(next.body.data.map((m) => m.id)).not.toContain(page.body.data[0]!.id);
    const brand = await call<MemoryListResponse>(
      USERS.victor,
      knowledgePath(ws, "?template=brand_guidelines&collection=user_preferences"),
    );
    expect(brand.body.data.length).toBeGreaterThan(0);
    expect(brand.body.data.every((m) => m.metadata.template === "brand_guidelines")).toBe(true);
    const one = await call<MemoryResponse>(USERS.victor, knowledgePath(ws, `/${brand.body.data[0]!.id}`));
    expect(one.body.data).toMatchObject({
      id: brand.body.data[0]!.id,
      namespace: "user_preferences",
      embedding_model: "LOCAL_FEATURE_HASHING_V1",
    });
  });
});

describe("permissions and validation", () => {
  it("security: viewers read but cannot write or delete; the Codex belongs to the platform", async () => {
    const ws = await knowledgeWorkspace();
    const denied = await call<ErrorBody>(USERS.victor, knowledgePath(ws), { body: documentOf("best_practices") });
    expect(denied.status).toBe(403);
    expect(
      (await call(USERS.victor, knowledgePath(ws, "/batch"), { body: { items: [documentOf("best_practices")] } }))
        .status,
    ).toBe(403);

    const codexWrite = await call<ErrorBody>(USERS.ana, knowledgePath(ws), {
      body: documentOf("best_practices", { collection: "codex_knowledge" }),
    });
    expect(codexWrite.status).toBe(400);
    expect(codexWrite.body.details[0]?.field).toBe("collection");

    await search(ws, "Arbiter");
    const [codexRow] = await sql<{ id: string }[]>`
      select id from public.agent_memories where workspace_id = ${ws} and namespace = 'codex_knowledge' limit 1`;
    const codexDelete = await call<ErrorBody>(USERS.alice, knowledgePath(ws, `/${codexRow!.id}`), { method: "DELETE" });
    expect(codexDelete.status).toBe(403);
    expect(codexDelete.body.code).toBe("SYSTEM_KNOWLEDGE");

    const created = await call<IngestResponse>(USERS.ana, knowledgePath(ws), { body: documentOf("best_practices") });
    const memoryId = created.body.data.memories[0]!.memory_id;
    expect((await call(USERS.victor, knowledgePath(ws, `/${memoryId}`), { method: "DELETE" })).status).toBe(403);
  });

  it("error: bad search parameters name the field", async () => {
    const ws = await knowledgeWorkspace();
    for (const [query, field] of [
      ["", "q"],
      ["?q=x&top_k=0", "top_k"],
      ["?q=x&top_k=1000", "top_k"],
      ["?q=x&collection=secrets", "collection"],
      ["?q=x&category=gossip", "category"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.victor, knowledgePath(ws, `/search${query}`));
      expect(res.status, query).toBe(400);
      // List filters name the field, or the entry of it (`collection.0`), that is wrong.
      expect(res.body.details[0]?.field, query).toMatch(new RegExp(`^${field}(\\.|$)`));
    }
  });
});
