import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { addBrandBook, addContent, addGuideline, aesthete, aestheteWorkspace } from "./fixtures.ts";

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

interface Report {
  id: string;
  consistency_percent: number;
  checks: number;
  passed: number;
  asset_count: number;
  issues: {
    asset_id: string;
    attribute: string;
    actual: string;
    expected: string;
    message: string;
    delta_e?: number;
  }[];
  recommendations: string[];
  typography_checked: boolean;
}

/** On brand everywhere: 2 colours, 1 font, grid, radius, logo and 2 spacings = 8 checks. */
const HERO = {
  id: "hero",
  colors: ["#0a2540", "#635BFF"],
  fonts: ["Inter"],
  layout: { grid_columns: 12, spacing: [8, 16], corner_radius: 4, logo_placement: "top-left" },
};
/** #0b2641 is ΔE 0.48 from #0a2540 (passes); red, Comic Sans, a 10-column grid and 12px spacing fail: 6 checks. */
const BANNER = {
  id: "banner",
  colors: ["#0b2641", "#ff0000"],
  fonts: ["Comic Sans"],
  layout: { grid_columns: 10, spacing: [12], corner_radius: 4 },
};

describe("evaluate_visual_consistency: happy", () => {
  it("checks palette, typography and layout of every asset and stores the report", async () => {
    const itemId = await addContent(sql, ws, { content_type: "visual", body: null, title: "Spring banner" });
    const res = await call<{ data: Report }>(USERS.oliver, aesthete(ws, "/consistency/evaluate"), {
      body: { scope: "content_set", assets: [HERO, { ...BANNER, content_item_id: itemId }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const report = res.body.data;
    // 14 checks, 10 passed: 10 / 14 = 71.43%.
    expect(report).toMatchObject({ checks: 14, passed: 10, consistency_percent: 71.43, asset_count: 2 });
    expect(report.issues.map((i) => [i.asset_id, i.attribute, i.actual, i.expected])).toEqual([
      ["banner", "color", "#ff0000", "#ffffff"],
      ["banner", "font", "Comic Sans", "Inter, Söhne"],
      ["banner", "layout.grid_columns", "10", "12"],
      ["banner", "layout.spacing", "12", "16"],
    ]);
    expect(report.issues[0]!.delta_e).toBeCloseTo(114.53, 2);
    expect(report.recommendations).toEqual([
      "banner: replace #ff0000 with palette colour #ffffff",
      'banner: set "Comic Sans" in Inter',
      "banner: change layout.grid_columns to 12",
      "banner: change layout.spacing to 16",
    ]);
    const [row] = await sql`select scope, consistency_percent::float8 as consistency_percent, content_item_count,
                                   jsonb_array_length(issues) as issues, created_by
                            from public.consistency_reports where id = ${report.id} and workspace_id = ${ws}`;
    expect(row).toEqual({
      scope: "content_set",
      consistency_percent: 71.43,
      content_item_count: 2,
      issues: 4,
      created_by: USERS.oliver.id,
    });
    const [event] = await sql`select payload from public.events where workspace_id = ${ws}
                              and event_type = 'consistency.evaluated' and payload->>'report_id' = ${report.id}`;
    expect(event!.payload).toMatchObject({ consistency_percent: 71.43, issues: 4, scope: "content_set" });
  });

  it("leaves typography unchecked when no guideline names typefaces", async () => {
    const palette = await addGuideline(sql, ws, {
      name: "Palette only",
      category: "color",
      rules: [{ kind: "palette", colors: ["#0a2540"], max_delta_e: 2 }],
    });
    const res = await call<{ data: Report }>(USERS.oliver, aesthete(ws, "/consistency/evaluate"), {
      body: {
        scope: "workspace",
        guideline_ids: [palette],
        assets: [{ id: "a", colors: ["#0b2641"], fonts: ["Papyrus"] }],
      },
    });
    expect(res.status).toBe(201);
    // One colour check, ΔE 0.48 within the tolerance of 2; the font is not judged.
    expect(res.body.data).toMatchObject({ checks: 1, passed: 1, consistency_percent: 100, typography_checked: false });
  });
});

describe("evaluate_visual_consistency: errors", () => {
  it("names the missing campaign id, bad colours and duplicate asset ids", async () => {
    const cases: [unknown, string][] = [
      [{ scope: "campaign", assets: [HERO] }, "campaign_id"],
      [{ scope: "workspace", assets: [{ ...HERO, colors: ["blue"] }] }, "assets.0.colors.0"],
      [{ scope: "workspace", assets: [HERO, HERO] }, "assets"],
      [{ scope: "workspace", assets: [] }, "assets"],
    ];
    for (const [body, field] of cases) {
      const res = await call<{ details: { field: string }[] }>(USERS.oliver, aesthete(ws, "/consistency/evaluate"), {
        body,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
  });

  it("asks for a palette when the guidelines define none", async () => {
    const res = await call<{ details: { field: string; message: string }[] }>(
      USERS.oliver,
      aesthete(ws, "/consistency/evaluate"),
      { body: { scope: "workspace", guideline_ids: [book.legal], assets: [HERO] } },
    );
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ field: "guideline_ids", message: expect.stringContaining("palette") });
  });
});
