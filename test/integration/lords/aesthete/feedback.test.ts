import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

interface Feedback {
  score: number;
  summary: string;
  review_id: string | null;
  strengths: { dimension: string }[];
  improvements: {
    id: string;
    source: string;
    feedback_type: string;
    severity: string;
    points_lost: number;
    suggestions: string[];
  }[];
  visual: { consistency_percent: number; checks: number; passed: number } | null;
}

describe("provide_design_feedback: happy", () => {
  it("ties improvements to the rubric dimensions with severities from the points they cost", async () => {
    const itemId = await addContent(sql, ws, { content_type: "copy", body: POOR_COPY });
    const res = await call<{ data: Feedback }>(USERS.oliver, aesthete(ws, "/feedback/provide"), {
      body: { content_item_id: itemId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const fb = res.body.data;
    expect(fb.score).toBe(19.1);
    expect(fb.strengths).toEqual([]);
    // 25 and 20 points ≥ 15: critical; 10 and 8.4 ≥ 7.5: major; 7.5 (banned term) ≥ 7.5: major.
    expect(fb.improvements.map((i) => [i.source, i.feedback_type, i.severity, i.points_lost])).toEqual([
      ["readability", "copy", "critical", 25],
      ["brand_voice", "brand", "critical", 20],
      ["clarity", "copy", "major", 10],
      ["call_to_action", "copy", "major", 10],
      ["length", "copy", "major", 8.4],
      ["banned_terms", "brand", "major", 7.5],
    ]);
    const rows = await sql`select feedback_type, severity, status, created_by from public.design_feedback
                           where workspace_id = ${ws} and content_item_id = ${itemId} order by created_at, id`;
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.status === "open" && row.created_by === USERS.oliver.id)).toBe(true);
    const [event] = await sql`select payload from public.events where workspace_id = ${ws}
                              and event_type = 'feedback.provided' and payload->>'content_item_id' = ${itemId}`;
    expect(event!.payload).toMatchObject({ improvements: 6, strengths: 0, score: 19.1 });
  });

  it("reuses a stored review and adds visual inconsistencies of the item's design", async () => {
    const assessed = await call<{ data: { review: { id: string }; content_item: { id: string } } }>(
      USERS.oliver,
      aesthete(ws, "/assess-quality"),
      { body: { content: GOOD_COPY, content_type: "copy" } },
    );
    const { review, content_item } = assessed.body.data;
    const res = await call<{ data: Feedback }>(USERS.oliver, aesthete(ws, "/feedback/provide"), {
      body: {
        content_item_id: content_item.id,
        review_id: review.id,
        // #6a5fff is ΔE 2.89 from #635bff: fine. #ff8800 is far from every brand colour: major. Arial: major.
        asset: { colors: ["#6a5fff", "#ff8800"], fonts: ["Arial"], layout: { corner_radius: 12 } },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const fb = res.body.data;
    expect(fb.review_id).toBe(review.id);
    expect(fb.score).toBe(100);
    expect(fb.strengths).toHaveLength(6);
    expect(fb.visual).toEqual({ consistency_percent: 25, checks: 4, passed: 1 });
    expect(fb.improvements.map((i) => [i.source, i.feedback_type, i.severity])).toEqual([
      ["color", "color", "major"],
      ["font", "typography", "major"],
      ["layout.corner_radius", "layout", "minor"],
    ]);
    expect(fb.improvements[2]!.suggestions).toEqual([`${content_item.id}: change layout.corner_radius to 4`]);
  });
});

describe("provide_design_feedback: errors", () => {
  it("refuses a review of an older version (409) and a review of another item (404)", async () => {
    const first = await call<{ data: { review: { id: string }; content_item: { id: string } } }>(
      USERS.oliver,
      aesthete(ws, "/assess-quality"),
      { body: { content: POOR_COPY, content_type: "copy" } },
    );
    const { review, content_item } = first.body.data;
    await call(USERS.oliver, aesthete(ws, "/assess-quality"), {
      body: { content_item_id: content_item.id, content: GOOD_COPY },
    });
    const stale = await call<{ code: string }>(USERS.oliver, aesthete(ws, "/feedback/provide"), {
      body: { content_item_id: content_item.id, review_id: review.id },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("STALE_REVIEW");

    const other = await addContent(sql, ws, { content_type: "copy", body: GOOD_COPY });
    const mismatch = await call<{ code: string }>(USERS.oliver, aesthete(ws, "/feedback/provide"), {
      body: { content_item_id: other, review_id: review.id },
    });
    expect(mismatch.status).toBe(404);
    expect(mismatch.body.code).toBe("REVIEW_NOT_FOUND");
  });

  it("asks for text when the item has none", async () => {
    const visual = await addContent(sql, ws, { content_type: "visual", body: null });
    const res = await call<{ details: { field: string }[] }>(USERS.oliver, aesthete(ws, "/feedback/provide"), {
      body: { content_item_id: visual },
    });
    expect(res.status).toBe(400);
    expect(res.body.details[0]!.field).toBe("content");
  });
});
