import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type ErrorBody, expectEach, type RouteCase } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { addBrandBook, addContent, aesthete, aestheteWorkspace, GOOD_COPY } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let theirs: string;
let itemId: string;
let reviewId: string;
beforeAll(async () => {
  ws = await aestheteWorkspace(sql);
  await addBrandBook(sql, ws);
  itemId = await addContent(sql, ws, { content_type: "copy", body: GOOD_COPY });
  const assessed = await call<{ data: { review: { id: string } } }>(USERS.oliver, aesthete(ws, "/assess-quality"), {
    body: { content_item_id: itemId },
  });
  reviewId = assessed.body.data.review.id;
  theirs = (await sql<{ id: string }[]>`select id from public.workspaces where slug = 'globex-launch'`)[0]!.id;
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

const actions = (workspaceId: string): RouteCase[] => [
  ["assess", aesthete(workspaceId, "/assess-quality"), { body: { content_item_id: itemId } }],
  ["compliance", aesthete(workspaceId, "/brand-compliance/check"), { body: { content_item_id: itemId } }],
  [
    "consistency",
    aesthete(workspaceId, "/consistency/evaluate"),
    { body: { scope: "workspace", assets: [{ id: "a", colors: ["#0a2540"], fonts: [] }] } },
  ],
  ["feedback", aesthete(workspaceId, "/feedback/provide"), { body: { content_item_id: itemId } }],
  ["approve", aesthete(workspaceId, "/approve"), { body: { content_item_id: itemId } }],
];

describe("aesthete routes: security", () => {
  it("refuses every action to viewers and analysts (403) and writes nothing", async () => {
    const before = await sql`select count(*)::int as n from public.events where workspace_id = ${ws}`;
    await expectEach(USERS.victor, actions(ws), 403);
    await expectEach(USERS.ana, actions(ws), 403);
    const after = await sql`select count(*)::int as n from public.events where workspace_id = ${ws}`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("lets viewers read reviews and approved content", async () => {
    await expectEach(
      USERS.victor,
      [
        ["reviews", aesthete(ws, "/reviews"), {}],
        ["review", aesthete(ws, `/reviews/${reviewId}`), {}],
        ["approved", aesthete(ws, "/approved-content"), {}],
        ["status", aesthete(ws, "/status"), {}],
      ],
      200,
    );
  });

  it("hides the workspace from another workspace's admin (404) and its rows from their own workspace", async () => {
    await expectEach(USERS.gina, [...actions(ws), ["reviews", aesthete(ws, "/reviews"), {}]], 404);
    const review = await call<ErrorBody>(USERS.gina, aesthete(theirs, `/reviews/${reviewId}`));
    expect(review.status).toBe(404);
    expect(review.body.code).toBe("REVIEW_NOT_FOUND");
    const listed = await call<{ data: { items: { id: string }[] } }>(
      USERS.gina,
      aesthete(theirs, "/reviews?limit=100"),
    );
    expect(listed.body.data.items.map((r) => r.id)).not.toContain(reviewId);
    const judged = await call<ErrorBody>(USERS.gina, aesthete(theirs, "/assess-quality"), {
      body: { content_item_id: itemId },
    });
    expect(judged.status).toBe(404);
    expect(judged.body.code).toBe("CONTENT_ITEM_NOT_FOUND");
  });
});

describe("aesthete routes: bad input", () => {
  it("answers 400 naming the field", async () => {
    const cases: [string, string, unknown, string][] = [
      ["POST", "/assess-quality", {}, "content"],
      ["POST", "/assess-quality", { content: "Hello there." }, "content_type"],
      ["POST", "/assess-quality", { content: "Hello there.", content_type: "poster" }, "content_type"],
      ["POST", "/assess-quality", { content: "", content_type: "copy" }, "content"],
      ["POST", "/assess-quality", { content: "!!!", content_type: "copy" }, "content"],
      ["POST", "/brand-compliance/check", { content_item_id: "not-a-uuid" }, "content_item_id"],
      [
        "POST",
        "/feedback/provide",
        { content_item_id: itemId, asset: { colors: ["#12"], fonts: [] } },
        "asset.colors.0",
      ],
      ["POST", "/approve", {}, "content_item_id"],
      ["GET", "/reviews?limit=abc", undefined, "limit"],
      ["GET", "/reviews?sort=title", undefined, "sort"],
      ["GET", "/reviews?cursor=nonsense", undefined, "cursor"],
      ["GET", "/reviews/nope", undefined, "review_id"],
      ["GET", "/approved-content?content_type=poster", undefined, "content_type"],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await call<ErrorBody>(
        USERS.oliver,
        aesthete(ws, path),
        body === undefined ? { method } : { method, body },
      );
      expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBe(400);
      expect(
        res.body.details.map((d) => d.field),
        `${method} ${path}`,
      ).toContain(field);
    }
  });
});
