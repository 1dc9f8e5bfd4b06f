import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { BatchProgressResponse, BatchResponse } from "../../../functions/knowledge/index.ts";
import type { BatchProgress, BatchSlice } from "../../../shared/knowledge/batch.ts";
import { call, countRows } from "../../helpers/api.ts";
import { USERS } from "../../helpers/db.ts";
import { deliver, intelOf, knowledgePath, knowledgeWorkspace, publishedBodies, sql } from "./fixtures.ts";

const items = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) =>
    intelOf(`Rival ${tag} ${i}`, `Rival ${tag} ${i} changed its pricing in week ${i}.`),
  );

/** Queues a batch of `n` documents and returns its id and the slices QStash accepted. */
async function queueBatch(workspaceId: string, n: number) {
  const tag = crypto.randomUUID().slice(0, 8);
  const res = await call<BatchResponse>(USERS.ana, knowledgePath(workspaceId, "/batch"), {
    body: { items: items(n, tag) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  if (res.body.data.mode !== "queued") throw new Error("expected a queued batch");
  const batch = res.body.data.batch;
  expect(res.headers.get("location")).toBe(knowledgePath(workspaceId, `/batch/${batch.batch_id}`));
  const slices = (await publishedBodies(batch.batch_id)) as BatchSlice[];
  return { batch, slices: slices.sort((a, b) => a.slice - b.slice) };
}

async function progressOf(workspaceId: string, batchId: string) {
  return (await call<BatchProgressResponse>(USERS.victor, knowledgePath(workspaceId, `/batch/${batchId}`))).body.data;
}

describe("queued batches", () => {
  it("happy: a large batch is queued in slices; each signed delivery ingests one and reports progress", async () => {
    const workspaceId = await knowledgeWorkspace();
    const { batch, slices } = await queueBatch(workspaceId, 23);
    expect(batch).toMatchObject({ status: "queued", total_items: 23, slices: 3, processed_items: 0 });
    expect(slices.map((slice) => slice.items.length)).toEqual([10, 10, 3]);
    expect(slices.every((slice) => slice.workspace_id === workspaceId && slice.actor_id === USERS.ana.id)).toBe(true);

    for (const slice of slices) {
      const res = await deliver("/internal/knowledge/batch", slice);
      expect(res.status, await res.clone().text()).toBe(200);
    }
    expect(await progressOf(workspaceId, batch.batch_id)).toMatchObject({
      status: "completed",
      processed_items: 23,
      done_slices: 3,
      failed_items: 0,
      created_chunks: 23,
    });
    expect(await countRows(sql, "agent_memories", workspaceId)).toBe(23);
    const progress = await sql<{ payload: BatchProgress; actor_id: string }[]>`
      select payload, actor_id from public.events
      where workspace_id = ${workspaceId} and event_type = 'knowledge.batch_progress' order by sequence`;
    expect(progress.map((event) => [event.payload.processed_items, event.payload.status, event.actor_id])).toEqual([
      [10, "running", USERS.ana.id],
      [20, "running", USERS.ana.id],
      [23, "completed", USERS.ana.id],
    ]);
    const [channel] = await sql<{ channel: string }[]>`
      select distinct channel from public.events where workspace_id = ${workspaceId} and event_type = 'knowledge.batch_progress'`;
    expect(channel?.channel).toBe("guild_intellect");
  });

  it("edge: a redelivered slice changes nothing; a slice QStash gave up on counts as failed", async () => {
    const workspaceId = await knowledgeWorkspace();
    const { batch, slices } = await queueBatch(workspaceId, 12);
    await deliver("/internal/knowledge/batch", slices[0]);
    await deliver("/internal/knowledge/batch", slices[0]);
    expect(await progressOf(workspaceId, batch.batch_id)).toMatchObject({
      status: "running",
      processed_items: 10,
      done_slices: 1,
    });
    expect(await countRows(sql, "agent_memories", workspaceId)).toBe(10);

    const failure = {
      status: 500,
      sourceMessageId: "msg_x",
      url: `${env.PUBLIC_BASE_URL}/internal/knowledge/batch`,
      sourceBody: btoa(JSON.stringify(slices[1])),
    };
    expect((await deliver("/internal/knowledge/batch/failed", failure)).status).toBe(200);
    expect(await progressOf(workspaceId, batch.batch_id)).toMatchObject({
      status: "failed",
      processed_items: 10,
      failed_items: 2,
      failed_slices: 1,
    });
  });

  it("security: unsigned, tampered or wrongly keyed deliveries are refused and ingest nothing", async () => {
    const workspaceId = await knowledgeWorkspace();
    const { slices } = await queueBatch(workspaceId, 11);
    const forged = { ...slices[0]!, workspace_id: await knowledgeWorkspace() };
    expect((await deliver("/internal/knowledge/batch", forged, { signature: null })).status).toBe(401);
    expect((await deliver("/internal/knowledge/batch", forged, { signedBody: JSON.stringify(slices[0]) })).status).toBe(
      401,
    );
    expect((await deliver("/internal/knowledge/batch", forged, { key: "sig_not_the_signing_key_00000" })).status).toBe(
      401,
    );
    expect((await deliver("/internal/knowledge/batch", "{not json")).status).toBe(400);
    expect(await countRows(sql, "agent_memories", workspaceId)).toBe(0);
    expect(await countRows(sql, "agent_memories", forged.workspace_id)).toBe(0);
  });

  it("happy: `mode: queued` queues even a small batch; an unknown batch is 404", async () => {
    const workspaceId = await knowledgeWorkspace();
    const res = await call<BatchResponse>(USERS.ana, knowledgePath(workspaceId, "/batch"), {
      body: { items: items(2, "small"), mode: "queued" },
    });
    expect(res.status).toBe(202);
    expect((await call(USERS.victor, knowledgePath(workspaceId, `/batch/${crypto.randomUUID()}`))).status).toBe(404);
  });
});
