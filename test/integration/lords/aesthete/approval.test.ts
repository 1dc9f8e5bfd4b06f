import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LordStatus } from "../../../../shared/lords/types.ts";
import { call } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { addBrandBook, addContent, aesthete, aestheteWorkspace, GOOD_COPY, POOR_COPY } from "./fixtures.ts";

const sql = testSql();
let ws: string;
beforeAll(async () => {
  ws = await aestheteWorkspace(sql);
  await addBrandBook(sql, ws);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

interface Decision {
  decision: "approved" | "rejected";
  approved: boolean;
  score: number;
  threshold: number;
  margin: number;
  quality_level: string;
  reasons: string[];
  content_item: { id: string; version: number; status: string };
  review_id: string;
  workflow: {
    id: string;
    status: string;
    score: number;
    content_version: number;
    decided_by: string;
    decision_notes: string;
  };
}

function approve(body: Record<string, unknown>, as = USERS.oliver) {
  return call<{ data: Decision }>(as, aesthete(ws, "/approve"), { body });
}

describe("approve_content: happy", () => {
  it("rejects content below 75 with the reasons, then approves its revision; the workflow keeps both", async () => {
    const itemId = await addContent(sql, ws, { content_type: "copy", body: POOR_COPY, title: "Launch copy" });

    const rejected = await approve({ content_item_id: itemId });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(201);
    const first = rejected.body.data;
    expect(first).toMatchObject({
      decision: "rejected",
      approved: false,
      score: 19.1,
      threshold: 75,
      margin: -55.9,
      quality_level: "poor",
      content_item: { id: itemId, version: 1, status: "rejected" },
    });
    // One reason per dimension below 0.8, largest loss first.
    expect(first.reasons).toHaveLength(6);
    expect(first.reasons[0]).toMatch(/^Readability: Flesch reading ease/);
    expect(first.workflow).toMatchObject({
      status: "rejected",
      score: 19.1,
      content_version: 1,
      decided_by: USERS.oliver.id,
    });
    expect(first.workflow.decision_notes).toMatch(
      /^Rejected: quality 19.1 \(poor\) is 55.9 below the threshold of 75\./,
    );

    const [rejectedEvent] = await sql`select lord, actor_id, payload from public.events where workspace_id = ${ws}
                                      and event_type = 'content.rejected' and payload->>'content_item_id' = ${itemId}`;
    expect(rejectedEvent).toMatchObject({
      lord: "aesthete",
      actor_id: USERS.oliver.id,
      payload: {
        content_item_id: itemId,
        content_version: 1,
        content_type: "copy",
        title: "Launch copy",
        workflow_id: first.workflow.id,
        review_id: first.review_id,
        score: 19.1,
        threshold: 75,
        quality_level: "poor",
        reasons: first.reasons,
      },
    });

    const approved = await approve({
      content_item_id: itemId,
      content: GOOD_COPY,
      notes: "Rewritten by the Muse guild",
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(201);
    const second = approved.body.data;
    expect(second).toMatchObject({
      decision: "approved",
      score: 100,
      margin: 25,
      reasons: [],
      content_item: { id: itemId, version: 2, status: "approved" },
    });
    expect(second.workflow.decision_notes).toBe(
      "Approved: quality 100 (outstanding) meets the threshold of 75.\nRewritten by the Muse guild",
    );

    const history =
      await sql`select status, score::float8 as score, content_version, review_id from public.approval_workflows
                              where workspace_id = ${ws} and content_item_id = ${itemId} order by created_at`;
    expect(history).toEqual([
      { status: "rejected", score: 19.1, content_version: 1, review_id: first.review_id },
      { status: "approved", score: 100, content_version: 2, review_id: second.review_id },
    ]);
    const [item] = await sql`select status, version, body, quality_score::float8 as quality_score
                             from public.content_items where id = ${itemId}`;
    expect(item).toEqual({ status: "approved", version: 2, body: GOOD_COPY, quality_score: 100 });
    const types = await sql`select event_type from public.events where workspace_id = ${ws}
                            and payload->>'content_item_id' = ${itemId} order by sequence`;
    expect(types.map((row) => row.event_type)).toEqual([
      "quality.assessed",
      "content.rejected",
      "content.updated",
      "quality.assessed",
      "content.approved",
    ]);

    const listed = await call<{
      data: {
        items: {
          id: string;
          version: number;
          approval: { workflow_id: string; content_version: number; score: number };
        }[];
      };
    }>(USERS.victor, aesthete(ws, "/approved-content?content_type=copy"));
    expect(listed.status).toBe(200);
    const entry = listed.body.data.items.find((row) => row.id === itemId);
    expect(entry).toMatchObject({
      version: 2,
      approval: { workflow_id: second.workflow.id, content_version: 2, score: 100 },
    });
  });

  it("decides an open approval request with a named review instead of adding a row", async () => {
    const assessed = await call<{ data: { review: { id: string }; content_item: { id: string } } }>(
      USERS.oliver,
      aesthete(ws, "/assess-quality"),
      { body: { content: GOOD_COPY, content_type: "messaging" } },
    );
    const { review, content_item } = assessed.body.data;
    const [request] =
      await sql`insert into public.approval_workflows (workspace_id, content_item_id, status, requested_by)
                                values (${ws}, ${content_item.id}, 'pending', ${USERS.ana.id}) returning id`;
    const res = await approve({ content_item_id: content_item.id, review_id: review.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.workflow.id).toBe(request!.id);
    expect(res.body.data.review_id).toBe(review.id);
    const rows = await sql`select status, requested_by, decided_by from public.approval_workflows
                           where workspace_id = ${ws} and content_item_id = ${content_item.id}`;
    expect(rows).toEqual([{ status: res.body.data.decision, requested_by: USERS.ana.id, decided_by: USERS.oliver.id }]);
  });

  it("teaches the Cognition Lord: a rejection becomes a failure learning carrying its reasons", async () => {
    const itemId = await addContent(sql, ws, { content_type: "copy", body: POOR_COPY, title: "Learnable copy" });
    const res = await approve({ content_item_id: itemId });
    expect(res.body.data.decision).toBe("rejected");
    let learning: Record<string, unknown> | undefined;
    for (let tries = 0; tries < 50 && !learning; tries++) {
      [learning] = await sql`select learning_type, insight, context from public.learnings
                             where workspace_id = ${ws} and context->>'content_item_id' = ${itemId}`;
      if (!learning) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(learning).toMatchObject({
      learning_type: "failure",
      insight: expect.stringContaining(
        'Rejected copy "Learnable copy" (score 19.1 against a threshold of 75): Readability:',
      ),
      context: { review_id: res.body.data.review_id, reasons: res.body.data.reasons },
    });
  });

  it("keeps rejected content in the Aesthete's live state until it is approved", async () => {
    const itemId = await addContent(sql, ws, { content_type: "copy", body: POOR_COPY });
    await approve({ content_item_id: itemId });
    const status = await call<{ data: LordStatus }>(USERS.victor, `/api/workspaces/${ws}/lords/aesthete/status`);
    expect(status.status).toBe(200);
    expect(status.body.data.state.active_items.content?.by_status.rejected).toBeGreaterThanOrEqual(1);
    expect(status.body.data.state.counters.rejections).toBeGreaterThanOrEqual(1);
    expect(status.body.data.capabilities.map((c) => c.name)).toEqual([
      "assess_quality",
      "check_brand_compliance",
      "evaluate_visual_consistency",
      "provide_design_feedback",
      "approve_content",
      "list_reviews",
      "get_review",
      "list_approved_content",
    ]);
  });
});

describe("approve_content: errors", () => {
  it("refuses a review together with new content, and an unknown item", async () => {
    const itemId = await addContent(sql, ws, { content_type: "copy", body: GOOD_COPY });
    const both = await call<{ details: { field: string }[] }>(USERS.oliver, aesthete(ws, "/approve"), {
      body: { content_item_id: itemId, content: GOOD_COPY, review_id: crypto.randomUUID() },
    });
    expect(both.status).toBe(400);
    expect(both.body.details.map((d) => d.field)).toEqual(["review_id"]);
    const missing = await call<{ code: string }>(USERS.oliver, aesthete(ws, "/approve"), {
      body: { content_item_id: crypto.randomUUID() },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("CONTENT_ITEM_NOT_FOUND");
  });
});
