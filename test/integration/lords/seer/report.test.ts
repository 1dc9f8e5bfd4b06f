import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { dropWorkspace, seer, seerWorkspace } from "./fixtures.ts";

const sql = testSql();
let ws: string;
const ids: Record<string, string> = {};
beforeAll(async () => {
  ws = await seerWorkspace(sql);
  const predict = async (subject: string, series: number[]) => {
    const res = await call<{ data: { id: string } }>(USERS.oliver, seer(ws, "/predict-trend"), {
      body: { subject, metric: "weekly_signups", method: "linear", series, horizon: 4, period_days: 7 },
    });
    return res.body.data.id;
  };
  ids.rising = await predict("Webinars", [100, 110, 120, 130, 140]);
  ids.falling = await predict("Paid social", [50, 45, 40, 35, 30]);
  // An older forecast of the same subject and metric: the report takes only the latest.
  ids.stale = await predict("Newsletter", [10, 20, 30, 40, 50]);
  ids.newsletter = await predict("Newsletter", [20, 20, 20, 20, 20]);
  const gather = async (title: string, sentiment: number) => {
    const res = await call<{ data: { id: string } }>(USERS.oliver, seer(ws, "/intelligence/gather"), {
      body: {
        intelligence_type: "competitive",
        title,
        reach: 1,
        magnitude: 0.64,
        sentiment,
        source_reliability: 1,
        topics: ["pricing"],
      },
    });
    return res.body.data.id;
  };
  // impact 100·√0.64 = 80: threat 80·0.75 = 60 (high); opportunity 80·0.5 = 40 (medium).
  ids.threat = await gather("Initech halves prices", -0.75);
  ids.opening = await gather("Globex exits the mid-market", 0.5);
});
afterAll(() => dropWorkspace(sql, ws));

interface Report {
  id: string;
  title: string;
  period_start: string;
  period_end: string;
  summary: string;
  predictions: {
    forecast_id: string;
    trend_direction: string;
    final_prediction: { value: number; days_ahead: number };
  }[];
  intelligence: { intelligence_id: string }[];
  risks: { source: string; id: string; level: string; description: string }[];
  opportunities: { source: string; id: string; level: string; description: string }[];
  overall_confidence: number;
}

describe("get_forecast_report", () => {
  it("compiles the latest forecasts and fresh intelligence into risks, opportunities and a confidence", async () => {
    const res = await call<{ data: Report }>(USERS.oliver, seer(ws, "/forecast/generate"), {
      body: { title: "Q1 2027 outlook", period_start: "2027-01-01", period_end: "2027-03-31" },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const r = res.body.data;
    expect(r).toMatchObject({ title: "Q1 2027 outlook", period_start: "2027-01-01", period_end: "2027-03-31" });
    expect(r.predictions.map((p) => p.forecast_id).sort()).toEqual([ids.rising, ids.falling, ids.newsletter].sort());
    const webinars = r.predictions.find((p) => p.forecast_id === ids.rising)!;
    // 100 + 10t, 4 weeks ahead: ŷ(8) = 180 at 28 days.
    expect(webinars.final_prediction).toMatchObject({ value: expect.closeTo(180, 8), days_ahead: 28 });
    expect(r.risks).toEqual([
      {
        source: "intelligence",
        id: ids.threat,
        level: "high",
        description: "Initech halves prices (threat high, impact 80)",
      },
      {
        source: "forecast",
        id: ids.falling,
        level: "high",
        description: "Paid social weekly_signups is trending strongly down (confidence very high)",
      },
    ]);
    expect(r.opportunities).toEqual([
      {
        source: "forecast",
        id: ids.rising,
        level: "high",
        description: "Webinars weekly_signups is trending strongly up (confidence very high)",
      },
      {
        source: "intelligence",
        id: ids.opening,
        level: "medium",
        description: "Globex exits the mid-market (opportunity 40, impact 80)",
      },
    ]);
    // Three exact fits: confidence 1 each.
    expect(r.overall_confidence).toBe(1);
    expect(r.summary).toBe(
      "3 predictions (1 rising, 1 falling, 1 stable); 2 intelligence items; 2 risks, 2 opportunities; overall confidence 1.00.",
    );
    const [row] =
      await sql`select title, overall_confidence::float8 as c, jsonb_array_length(risks) as risks, created_by
                            from public.forecast_reports where id = ${r.id} and workspace_id = ${ws}`;
    expect(row).toEqual({ title: "Q1 2027 outlook", c: 1, risks: 2, created_by: USERS.oliver.id });
    const [event] = await sql`select payload from public.events where workspace_id = ${ws}
                              and event_type = 'forecast.generated' and payload->>'report_id' = ${r.id}`;
    expect(event!.payload).toMatchObject({ predictions: 3, intelligence: 2, risks: 2, opportunities: 2 });
  });

  it("uses exactly the records named, lists reports, and names ids that are not in the workspace", async () => {
    const named = await call<{ data: Report }>(USERS.oliver, seer(ws, "/forecast/generate"), {
      body: {
        title: "Newsletter only",
        period_start: "2027-01-01",
        period_end: "2027-01-31",
        forecast_ids: [ids.stale],
        intelligence_ids: [ids.opening],
        summary: "Hand-written summary",
      },
    });
    expect(named.status).toBe(201);
    expect(named.body.data.predictions.map((p) => p.forecast_id)).toEqual([ids.stale]);
    expect(named.body.data.risks).toEqual([]);
    expect(named.body.data.summary).toBe("Hand-written summary");

    const listed = await call<{ data: { items: Report[] } }>(USERS.victor, seer(ws, "/forecast/reports"));
    expect(listed.body.data.items.map((r) => r.title)).toEqual(["Newsletter only", "Q1 2027 outlook"]);

    const unknown = crypto.randomUUID();
    const bad = await call<ErrorBody>(USERS.oliver, seer(ws, "/forecast/generate"), {
      body: { title: "X", period_start: "2027-01-01", period_end: "2027-01-31", forecast_ids: [unknown] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({
      field: "forecast_ids",
      message: `not found in this workspace: ${unknown}`,
    });
    const backwards = await call<ErrorBody>(USERS.oliver, seer(ws, "/forecast/generate"), {
      body: { title: "X", period_start: "2027-02-01", period_end: "2027-01-31" },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details[0]!.field).toBe("period_end");
  });
});
