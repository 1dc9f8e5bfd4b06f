import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { addBrandBook, addContent, aesthete, aestheteWorkspace, GOOD_COPY, POOR_COPY } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let book: Awaited<ReturnType<typeof addBrandBook>>;
beforeAll(async () => {
  ws = await aestheteWorkspace(sql);
  book = await addBrandBook(sql, ws);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

interface Review {
  id: string;
  content_item_id: string;
  content_version: number;
  review_kind: string;
  score: number;
  quality_level: string;
  feedback: string;
  strengths: { dimension: string; message: string }[];
  improvements: { dimension: string; points_lost: number; message: string }[];
  breakdown: {
    content_type: string;
    dimensions: { dimension: string; weight: number; applicable: boolean; score: number; points: number }[];
    readability: { words: number; sentences: number };
    guidelines: { id: string; name: string }[];
    unchecked_rules: { guideline: string; rule: unknown; reason: string }[];
  };
}
type Assessed = { data: { review: Review; content_item: { id: string; version: number; status: string } } };

describe("assess_quality: happy", () => {
  it("scores new on-brand copy 100 on every dimension, stores the item, the review and quality.assessed", async () => {
    const res = await call<Assessed>(USERS.oliver, aesthete(ws, "/assess-quality"), {
      body: { content: GOOD_COPY, content_type: "copy", channel: "web" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { review, content_item } = res.body.data;
    // 60 words, 5 sentences, 73 syllables: Flesch 206.835 − 1.015·12 − 84.6·73/60 = 91.7 → readability 1;
    // 60 words in copy's 50–300; both voice keywords; no banned term; no sentence over 25 words; "start your free trial".
    expect(review.score).toBe(100);
    expect(review.quality_level).toBe("outstanding");
    expect(review.breakdown.readability).toMatchObject({ words: 60, sentences: 5 });
    expect(review.breakdown.dimensions.map((d) => [d.dimension, d.score, d.points])).toEqual([
      ["readability", 1, 25],
      ["length", 1, 20],
      ["brand_voice", 1, 20],
      ["banned_terms", 1, 15],
      ["clarity", 1, 10],
      ["call_to_action", 1, 10],
    ]);
    expect(review.improvements).toEqual([]);
    expect(review.strengths).toHaveLength(6);
    expect(review.breakdown.guidelines.map((g) => g.id).sort()).toEqual(Object.values(book).sort());
    // The free-text voice rule is listed, not dropped.
    expect(review.breakdown.unchecked_rules).toEqual([
      expect.objectContaining({ guideline: "Voice", rule: "Lead with outcomes" }),
    ]);

    const [item] = await sql`select title, body, status, version, quality_score::float8 as quality_score, created_by
                             from public.content_items where id = ${content_item.id} and workspace_id = ${ws}`;
    expect(item).toMatchObject({
      title: "RaptorFlow helps your team plan every campaign in one place. Ship each campaign…",
      body: GOOD_COPY,
      status: "in_review",
      version: 1,
      quality_score: 100,
      created_by: USERS.oliver.id,
    });
    const [stored] = await sql`select score::float8 as score, review_kind, content_version, reviewed_by
                               from public.content_reviews where id = ${review.id}`;
    expect(stored).toEqual({ score: 100, review_kind: "quality", content_version: 1, reviewed_by: USERS.oliver.id });
    const events = await sql`select event_type, lord, actor_id, payload from public.events
                             where workspace_id = ${ws} and payload->>'content_item_id' = ${content_item.id} order by sequence`;
    expect(events.map((e) => e.event_type)).toEqual(["content.created", "quality.assessed"]);
    expect(events[1]).toMatchObject({
      lord: "aesthete",
      actor_id: USERS.oliver.id,
      payload: { review_id: review.id, score: 100, quality_level: "outstanding", content_version: 1 },
    });
  });

  it("scores off-brand copy 19.1 from its dimensions and ranks the improvements by points lost", async () => {
    const itemId = await addContent(sql, ws, { content_type: "copy", body: POOR_COPY });
    const res = await call<Assessed>(USERS.alice, aesthete(ws, "/assess-quality"), {
      body: { content_item_id: itemId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { review } = res.body.data;
    // One 29-word sentence of long words: Flesch far below 30 → 0. Length 29/50 = 0.58 × 20 = 11.6.
    // Voice 0 of 2 keywords. Banned: one "guaranteed" → 1 − 0.5 = 0.5 × 15 = 7.5. Clarity: the one sentence
    // exceeds 25 words → 0. No CTA → 0. Total (11.6 + 7.5) / 100 × 100 = 19.1.
    expect(review.score).toBe(19.1);
    expect(review.quality_level).toBe("poor");
    // Points lost of the 100: readability 25, voice 20, clarity 10, CTA 10, length 8.4, banned 7.5.
    expect(review.improvements.map((i) => [i.dimension, i.points_lost])).toEqual([
      ["readability", 25],
      ["brand_voice", 20],
      ["clarity", 10],
      ["call_to_action", 10],
      ["length", 8.4],
      ["banned_terms", 7.5],
    ]);
    expect(review.feedback).toBe("Score 19 (poor). Biggest gain: readability.");
  });

  it("judges a revision sent with the item id as version 2 and records content.updated", async () => {
    const itemId = await addContent(sql, ws, { content_type: "copy", body: POOR_COPY, status: "rejected" });
    const res = await call<Assessed>(USERS.oliver, aesthete(ws, "/assess-quality"), {
      body: { content_item_id: itemId, content: GOOD_COPY },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.content_item).toEqual({ id: itemId, version: 2, status: "in_review" });
    expect(res.body.data.review).toMatchObject({ content_version: 2, score: 100 });
    const [item] = await sql`select body, version, status from public.content_items where id = ${itemId}`;
    expect(item).toEqual({ body: GOOD_COPY, version: 2, status: "in_review" });
    const [updated] = await sql`select payload from public.events where workspace_id = ${ws}
                                and event_type = 'content.updated' and payload->>'content_item_id' = ${itemId}`;
    expect(updated!.payload).toMatchObject({ version: 2, previous_version: 1, changed: ["body"] });
  });

  it("judges only by the guidelines named in guideline_ids", async () => {
    const res = await call<Assessed>(USERS.oliver, aesthete(ws, "/assess-quality"), {
      body: { content: POOR_COPY, content_type: "copy", guideline_ids: [book.visual] },
    });
    expect(res.status).toBe(201);
    const dims = Object.fromEntries(res.body.data.review.breakdown.dimensions.map((d) => [d.dimension, d.applicable]));
    // Without the voice and legal guidelines there is nothing to judge voice or banned terms by.
    expect(dims).toMatchObject({ brand_voice: false, banned_terms: false });
    // (11.6 length) / (100 − 20 − 15) applicable weight × 100 = 17.85 (rounded as stored)
    expect(res.body.data.review.score).toBe(17.85);
  });
});

describe("reviews: reads", () => {
  it("lists reviews newest first with filters and pages, and reads one with its breakdown", async () => {
    const first = await call<{ data: { items: Review[]; next_cursor: string | null } }>(
      USERS.victor,
      aesthete(ws, "/reviews?review_kind=quality&limit=2"),
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.data.items).toHaveLength(2);
    expect(first.body.data.next_cursor).not.toBeNull();
    const second = await call<{ data: { items: Review[] } }>(
      USERS.victor,
      aesthete(ws, `/reviews?review_kind=quality&limit=2&cursor=${first.body.data.next_cursor}`),
    );
    const ids = [...first.body.data.items, ...second.body.data.items].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const poor = await call<{ data: { items: Review[] } }>(USERS.victor, aesthete(ws, "/reviews?quality_level=poor"));
    expect(poor.body.data.items.every((r) => r.quality_level === "poor")).toBe(true);
    expect(poor.body.data.items.length).toBeGreaterThan(0);

    const one = await call<{ data: Review }>(USERS.victor, aesthete(ws, `/reviews/${ids[0]}`));
    expect(one.status).toBe(200);
    expect(one.body.data.id).toBe(ids[0]);
    expect(one.body.data.breakdown.dimensions).toHaveLength(6);
  });
});
