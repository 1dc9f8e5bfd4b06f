import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { addBrandBook, addGuideline, aesthete, aestheteWorkspace, POOR_COPY } from "./fixtures.ts";

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

interface ComplianceReview {
  id: string;
  review_kind: string;
  score: number;
  quality_level: string;
  feedback: string;
  violations: { rule_id: string; position: { start: number; end: number } | null; excerpt: string; message: string }[];
  breakdown: {
    compliant: boolean;
    rules: { ruleId: string; kind: string; weight: number; passed: boolean; guideline_id: string; guideline: string }[];
    unchecked_rules: { guideline: string; reason: string }[];
  };
}
type Checked = {
  data: { review: ComplianceReview; compliant: boolean; content_item: { id: string; version: number } };
};

/** On-brand name and words, one 23-word sentence (limit 20), two exclamation marks (limit 1). */
const MIXED =
  "RaptorFlow plans every campaign in one place. It is honestly the single most complete and remarkably " +
  "flexible planning tool that busy marketing teams have ever been able to buy today. Wow!!";

describe("check_brand_compliance: happy", () => {
  it("weighs every rule by guideline × rule weight and reports each violation at its position", async () => {
    const res = await call<Checked>(USERS.oliver, aesthete(ws, "/brand-compliance/check"), {
      body: { content: MIXED, content_type: "messaging" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { review, compliant } = res.body.data;
    // Voice guideline weight 2: brand name (passes, 2) and sentence length (fails, 2).
    // Legal guideline weight 1: banned term (passes, 1) and exclamations (fails, 1). (2 + 1) / 6 = 50%.
    expect(review.breakdown.rules.map((r) => [r.kind, r.weight, r.passed, r.guideline])).toEqual([
      ["brand_name", 2, true, "Voice"],
      ["max_sentence_words", 2, false, "Voice"],
      ["banned_term", 1, true, "Legal"],
      ["max_exclamations", 1, false, "Legal"],
    ]);
    expect(review.score).toBe(50);
    expect(review.quality_level).toBe("fair");
    expect(compliant).toBe(false);
    expect(review.feedback).toBe("2 of 4 rules passed (50% of the weight); 2 violations.");
    const long = MIXED.indexOf("It is honestly");
    const bang = MIXED.lastIndexOf("!");
    expect(review.violations).toEqual([
      {
        rule_id: `${book.voice}#3`,
        position: { start: long, end: expect.any(Number) },
        excerpt: expect.stringMatching(/^It is honestly .* buy today\.?$/),
        message: "sentence has 23 words (limit 20)",
      },
      {
        rule_id: `${book.legal}#1`,
        position: { start: bang, end: bang + 1 },
        excerpt: "!",
        message: "exclamation mark beyond the limit of 1",
      },
    ]);
    // The free-text guidance is reported as needing a person, not silently passed.
    expect(review.breakdown.unchecked_rules).toEqual([
      expect.objectContaining({ guideline: "Voice", reason: "free-text guidance; needs a human reviewer" }),
    ]);

    const [row] = await sql`select review_kind, score::float8 as score, violations, content_version
                            from public.content_reviews where id = ${review.id} and workspace_id = ${ws}`;
    expect(row).toMatchObject({ review_kind: "brand_compliance", score: 50, content_version: 1 });
    expect(row!.violations).toHaveLength(2);
    const [event] = await sql`select payload from public.events
                              where workspace_id = ${ws} and event_type = 'compliance.checked'
                                and payload->>'review_id' = ${review.id}`;
    expect(event!.payload).toMatchObject({ score: 50, compliant: false, violations: 2 });
  });

  it("finds the misspelt brand name, the banned term and the extra exclamation marks by position", async () => {
    const res = await call<Checked>(USERS.oliver, aesthete(ws, "/brand-compliance/check"), {
      body: { content: POOR_COPY, content_type: "copy", guideline_ids: [book.voice, book.legal] },
    });
    expect(res.status).toBe(201);
    const { review } = res.body.data;
    expect(review.score).toBe(0);
    expect(review.violations.map((v) => [v.excerpt.slice(0, 10), v.position?.start])).toEqual([
      ["Raptorflow", 0],
      ["Raptorflow", 0],
      ["guaranteed", POOR_COPY.indexOf("guaranteed")],
      ["!", POOR_COPY.length - 2],
      ["!", POOR_COPY.length - 1],
    ]);
  });

  it("does not count a weight-0 guideline and says why", async () => {
    const zero = await addGuideline(sql, ws, {
      name: "Retired claims",
      category: "legal",
      weight: 0,
      rules: [{ kind: "banned_term", term: "place" }],
    });
    const res = await call<Checked>(USERS.oliver, aesthete(ws, "/brand-compliance/check"), {
      body: { content: MIXED, content_type: "messaging", guideline_ids: [zero] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.review.score).toBe(100);
    expect(res.body.data.review.breakdown.unchecked_rules).toEqual([
      expect.objectContaining({ reason: "weight 0: it cannot count in the compliance score" }),
    ]);
  });
});

describe("check_brand_compliance: errors", () => {
  it("names unknown or inactive guidelines", async () => {
    const inactive = await addGuideline(sql, ws, {
      name: "Old voice",
      category: "voice",
      rules: [],
      active: false,
    });
    const res = await call<{ details: { field: string; message: string }[] }>(
      USERS.oliver,
      aesthete(ws, "/brand-compliance/check"),
      { body: { content: MIXED, content_type: "copy", guideline_ids: [inactive] } },
    );
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      expect.objectContaining({ field: "guideline_ids", message: `no active brand guideline with id ${inactive}` }),
    ]);
  });
});
