import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REJECTION_SOURCE,
  rejectionLearning,
} from "../../../../durable-objects/lords/cognition/learn-from-rejection.ts";
import { lordClient } from "../../../../shared/lords/client.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { recordAndPublish } from "../../lords-runtime/helpers.ts";
import { cognitionWorkspace, eventsWith, memoriesOf } from "./helpers.ts";

// Cognition's reaction to the Aesthete rejecting content: a content.rejected event published
// through the bus becomes a failure learning (and knowledge), once per event.
const sql = testSql();
let ws: string;

beforeAll(async () => {
  ws = await cognitionWorkspace(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

const rejection = (contentId: string) => ({
  content_item_id: contentId,
  content_version: 2,
  content_type: "ad_copy",
  title: "Spring hero",
  review_id: crypto.randomUUID(),
  score: 60,
  threshold: 75,
  margin: -15,
  quality_level: "fair",
  reasons: ["Add a clear call to action.", "Shorten the headline to under 60 characters."],
});

async function learningFor(contentId: string, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await sql<
      {
        id: string;
        learning_type: string;
        source: string;
        insight: string;
        confidence: string;
        tags: string[];
        created_by: string | null;
        context: Record<string, unknown>;
      }[]
    >`
      select id, learning_type, source, insight, confidence::text, tags, created_by, context from public.learnings
      where workspace_id = ${ws} and context ->> 'content_item_id' = ${contentId}`;
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("reaction to content.rejected", () => {
  it("happy: records a failure learning from the rejection's reasons, with learning.recorded and knowledge", async () => {
    const contentId = crypto.randomUUID();
    const event = await recordAndPublish(sql, USERS.alice, ws, "content.rejected", rejection(contentId), "aesthete");
    const [learning, ...more] = await learningFor(contentId);
    expect(more).toEqual([]);
    // 0.5 + 0.5 × (75 − 60) / 75 = 0.6
    expect(learning).toMatchObject({
      learning_type: "failure",
      source: REJECTION_SOURCE,
      insight:
        'Rejected ad_copy "Spring hero" (score 60 against a threshold of 75): Add a clear call to action. Shorten the headline to under 60 characters.',
      confidence: "0.600",
      tags: ["content_rejection", "ad_copy", "fair"],
      created_by: null,
      context: expect.objectContaining({ event_id: event.sequence, score: 60, threshold: 75 }),
    });
    const recorded = await eventsWith(sql, ws, "learning_id", learning?.id ?? "");
    expect(recorded).toEqual([
      expect.objectContaining({
        event_type: "learning.recorded",
        lord: "cognition",
        actor_id: null,
        payload: expect.objectContaining({ caused_by: event.sequence, learning_type: "failure" }),
      }),
    ]);
    // The knowledge write follows the learning's commit.
    const deadline = Date.now() + 5_000;
    let memories = await memoriesOf(sql, ws, "learning", learning?.id ?? "");
    while (memories.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      memories = await memoriesOf(sql, ws, "learning", learning?.id ?? "");
    }
    expect(memories.length).toBeGreaterThan(0);

    // Delivered again (a retried fan-out): nothing new is recorded.
    await lordClient(env, ws, "cognition").deliver([event]);
    expect(await learningFor(contentId, 0)).toHaveLength(1);
  });

  it("security: Cognition ignores its own events and other event types", async () => {
    const contentId = crypto.randomUUID();
    await recordAndPublish(sql, USERS.alice, ws, "content.approved", rejection(contentId), "aesthete");
    await recordAndPublish(sql, USERS.alice, ws, "content.rejected", rejection(contentId), "cognition");
    expect(await learningFor(contentId, 500)).toEqual([]);
  });
});

describe("rejectionLearning", () => {
  it("reads violations and feedback as reasons, and stays at the neutral 0.5 without a score", () => {
    const learning = rejectionLearning({
      sequence: 7,
      payload: {
        content_id: "c-1",
        violations: [{ rule: "No superlatives" }, { message: "Claims need a source" }, ""],
        feedback: " Too salesy. ",
      },
    });
    expect(learning).toEqual({
      learning_type: "failure",
      source: REJECTION_SOURCE,
      insight: "Rejected content: No superlatives Claims need a source Too salesy.",
      context: {
        event_id: 7,
        content_item_id: "c-1",
        review_id: null,
        score: null,
        threshold: null,
        reasons: ["No superlatives", "Claims need a source", "Too salesy."],
      },
      confidence: 0.5,
      tags: ["content_rejection"],
    });
  });

  it("says what was rejected when no reason was given; a score of 0 is the surest lesson", () => {
    const learning = rejectionLearning({ sequence: 8, payload: { content_type: "Email", score: 0, threshold: 75 } });
    expect(learning.insight).toBe("Rejected Email (score 0 against a threshold of 75) without stated reasons.");
    expect(learning.confidence).toBe(1);
    expect(learning.tags).toEqual(["content_rejection", "email"]);
  });
});
