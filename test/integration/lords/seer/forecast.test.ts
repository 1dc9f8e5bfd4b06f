import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { dropWorkspace, seer, seerWorkspace } from "./fixtures.ts";

const sql = testSql();
let ws: string;
beforeAll(async () => {
  ws = await seerWorkspace(sql);
});
afterAll(() => dropWorkspace(sql, ws));

interface Point {
  step: number;
  t: number;
  value: number;
  lower: number;
  upper: number;
  days_ahead: number;
}
interface Prediction {
  id: string;
  subject: string;
  metric: string;
  forecast_type: string;
  trend_direction: string;
  confidence_level: string;
  confidence: number;
  current_value: number;
  horizon_days: number;
  predicted_values: Point[];
  previous_forecast_id: string | null;
  analysis: {
    model: Record<string, unknown>;
    fit: { rSquared: number; residualStdError: number; relativeSpread: number };
    trend: { pValue: number; significant: boolean; slopePerPeriod: number };
    interval_level: number;
    series: { length: number; first: number; last: number; min: number; max: number; mean: number };
  };
}

function predict(body: Record<string, unknown>) {
  return call<{ data: Prediction }>(USERS.oliver, seer(ws, "/predict-trend"), {
    body: { subject: "Demo", metric: "m", ...body },
  });
}

describe("predict_trend: happy", () => {
  it("fits a least-squares line with t-based prediction intervals, hand-checked", async () => {
    const res = await predict({
      subject: "Webinar",
      metric: "signups",
      method: "linear",
      series: [2, 4, 5, 4, 5],
      horizon: 2,
      period_days: 7,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body.data;
    // t̄ = 2, ȳ = 4, Stt = 10, Sty = 6 → slope 0.6, intercept 2.8; residuals −0.8, 0.6, 1, −0.6, −0.2 → SSE 2.4,
    // s = √(2.4/3) = 0.8944; SST = 6 → R² = 0.6. Slope SE = s/√10 = 0.2828, t = 2.12 on 3 df → p = 0.124: stable.
    expect(p.analysis.model).toEqual({ method: "linear", intercept: 2.8, slope: expect.closeTo(0.6, 10) });
    expect(p.analysis.fit.rSquared).toBeCloseTo(0.6, 10);
    expect(p.analysis.fit.residualStdError).toBeCloseTo(0.8944, 4);
    expect(p.analysis.trend.pValue).toBeCloseTo(0.124, 3);
    expect(p.trend_direction).toBe("stable");
    // ŷ(5) = 5.8 ± t(0.975, 3) · s · √(1 + 1/5 + 9/10) = 3.1824 · 0.8944 · 1.4491 = 4.1249.
    expect(p.predicted_values[0]).toEqual({
      step: 1,
      t: 5,
      value: expect.closeTo(5.8, 10),
      lower: expect.closeTo(1.6751, 4),
      upper: expect.closeTo(9.9249, 4),
      days_ahead: 7,
    });
    expect(p.predicted_values[1]!.value).toBeCloseTo(6.4, 10);
    // Relative spread 0.8944/4 = 0.224 (low) and R² 0.6 (medium): the worse is "low".
    // Score min(1 − 0.2236/0.5, 0.6) = 0.553.
    expect(p.confidence_level).toBe("low");
    expect(p.confidence).toBe(0.553);
    expect(p).toMatchObject({ current_value: 5, horizon_days: 14, forecast_type: "linear" });
    expect(p.analysis.series).toEqual({ length: 5, first: 2, last: 5, min: 2, max: 5, mean: 4 });

    const [row] = await sql`select forecast_type, trend_direction, confidence_level, confidence::float8 as confidence,
                                   current_value::float8 as current_value, horizon_days, jsonb_array_length(predicted_values) as n,
                                   created_by
                            from public.trend_forecasts where id = ${p.id} and workspace_id = ${ws}`;
    expect(row).toEqual({
      forecast_type: "linear",
      trend_direction: "stable",
      confidence_level: "low",
      confidence: 0.553,
      current_value: 5,
      horizon_days: 14,
      n: 2,
      created_by: USERS.oliver.id,
    });
    const [event] = await sql`select lord, payload from public.events where workspace_id = ${ws}
                              and event_type = 'trend.predicted' and payload->>'forecast_id' = ${p.id}`;
    expect(event).toMatchObject({
      lord: "seer",
      payload: {
        subject: "Webinar",
        metric: "signups",
        method: "linear",
        trend_direction: "stable",
        confidence: 0.553,
      },
    });
  });

  it("fits growth on the log scale: 100·1.1^t predicts 214.36 next, strongly up", async () => {
    const series = Array.from({ length: 8 }, (_, t) => 100 * 1.1 ** t);
    const res = await predict({ method: "exponential", series, horizon: 1 });
    expect(res.status).toBe(201);
    const p = res.body.data;
    expect(p.analysis.model.growthRatePerPeriod).toBeCloseTo(0.1, 10);
    expect(p.predicted_values[0]!.value).toBeCloseTo(214.358881, 6);
    // Change across the window 1.1^7 − 1 = 95% of the level: strongly up; an exact fit: very high confidence.
    expect(p).toMatchObject({ trend_direction: "strongly_up", confidence_level: "very_high", confidence: 1 });
  });

  it("runs additive Holt–Winters with a given period and reproduces trend + season", async () => {
    const season = [2, -1, 0, -1];
    const series = Array.from({ length: 12 }, (_, t) => 10 + t + season[t % 4]!);
    const res = await predict({ method: "seasonal", series, period: 4, horizon: 2, alpha: 0.5, beta: 0.1, gamma: 0.1 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body.data;
    // Level 21 and trend 1 at t = 11, seasonals [2, −1, 0, −1]: ŷ(12) = 21 + 1 + 2 = 24, ŷ(13) = 21 + 2 − 1 = 22.
    expect(p.analysis.model).toMatchObject({ period: 4, level: 21, trend: 1, seasonals: [2, -1, 0, -1], sse: 0 });
    expect(p.predicted_values.map((v) => v.value)).toEqual([24, 22]);
  });

  it("fits a polynomial of the chosen degree and a cycle of detected length", async () => {
    const poly = await predict({ method: "polynomial", degree: 2, series: [0, 1, 4, 9, 16, 25], horizon: 1 });
    expect(poly.status).toBe(201);
    expect(poly.body.data.predicted_values[0]!.value).toBeCloseTo(36, 8);

    const wave = Array.from({ length: 24 }, (_, t) => 50 + 10 * Math.sin((2 * Math.PI * t) / 6));
    const cyc = await predict({ method: "cyclical", series: wave, horizon: 1 });
    expect(cyc.status).toBe(201);
    expect(cyc.body.data.analysis.model).toMatchObject({
      period: 6,
      periodDetected: true,
      amplitude: expect.closeTo(10, 8),
    });
    expect(cyc.body.data.predicted_values[0]!.value).toBeCloseTo(50, 8);
    // A pure cycle around a flat mean has no trend.
    expect(cyc.body.data.trend_direction).toBe("stable");
  });

  it("emits trend.updated when the same subject's metric changes direction", async () => {
    const first = await predict({
      subject: "Pipeline",
      metric: "mql",
      method: "linear",
      series: [10, 20, 30, 40],
      horizon: 1,
    });
    const second = await predict({
      subject: "Pipeline",
      metric: "mql",
      method: "linear",
      series: [40, 30, 20, 10],
      horizon: 1,
    });
    expect(second.body.data.previous_forecast_id).toBe(first.body.data.id);
    const events = await sql`select event_type, payload from public.events where workspace_id = ${ws}
                             and payload->>'subject' = 'Pipeline' order by sequence`;
    expect(events.map((e) => e.event_type)).toEqual(["trend.predicted", "trend.predicted", "trend.updated"]);
    expect(events[2]!.payload).toMatchObject({
      forecast_id: second.body.data.id,
      previous_forecast_id: first.body.data.id,
      previous_direction: "strongly_up",
      trend_direction: "strongly_down",
    });
  });
});

describe("predict_trend: errors", () => {
  it("rejects a series too short for the method with a 400 that says the minimum", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ method: "linear", series: [1, 2] }, "linear forecasting needs at least 3 points, got 2"],
      [
        { method: "seasonal", period: 4, series: [1, 2, 3, 4, 5, 6, 7] },
        "seasonal forecasting with period 4 needs at least 8 points, got 7",
      ],
      [
        { method: "polynomial", degree: 3, series: [1, 2, 3, 4] },
        "polynomial forecasting of degree 3 needs at least 5 points, got 4",
      ],
      [{ method: "cyclical", series: [1, 2, 3, 4, 5, 6, 7] }, "cyclical forecasting needs at least 8 points, got 7"],
    ];
    for (const [body, message] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, seer(ws, "/predict-trend"), {
        body: { subject: "S", metric: "m", horizon: 1, ...body },
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: "series", message })]);
    }
  });

  it("names the parameter a method needs and values out of range", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ method: "polynomial", series: [1, 2, 3, 4] }, "degree"],
      [{ method: "seasonal", series: [1, 2, 3, 4] }, "period"],
      [{ method: "seasonal", period: 2.5, series: [1, 2, 3, 4, 5, 6] }, "period"],
      [{ method: "seasonal", period: 2, alpha: 0.5, series: [1, 2, 3, 4, 5, 6] }, "alpha"],
      [{ method: "exponential", series: [1, 0, 2] }, "series.1"],
      [{ method: "linear", series: [1, 2, 3], interval_level: 0.2 }, "interval_level"],
      [{ method: "linear", series: [1, "2", 3] }, "series.1"],
      [{ method: "linear", series: [1, 2, 3], horizon: 0 }, "horizon"],
      [{ method: "arima", series: [1, 2, 3] }, "method"],
      [{ method: "linear", series: [1, 2, 3], subject: "" }, "subject"],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, seer(ws, "/predict-trend"), {
        body: { subject: "S", metric: "m", horizon: 1, ...body },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.details.map((d) => d.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
  });
});

describe("predictions: reads", () => {
  it("lists with filters and pages and reads one; an unknown id is 404", async () => {
    const page = await call<{ data: { items: Prediction[]; next_cursor: string | null } }>(
      USERS.victor,
      seer(ws, "/predictions?forecast_type=linear&limit=2"),
    );
    expect(page.status).toBe(200);
    expect(page.body.data.items).toHaveLength(2);
    expect(page.body.data.items.every((p) => p.forecast_type === "linear")).toBe(true);
    const next = await call<{ data: { items: Prediction[] } }>(
      USERS.victor,
      seer(ws, `/predictions?forecast_type=linear&limit=2&cursor=${page.body.data.next_cursor}`),
    );
    expect(next.body.data.items.map((p) => p.id)).not.toContain(page.body.data.items[0]!.id);
    const down = await call<{ data: { items: Prediction[] } }>(
      USERS.victor,
      seer(ws, "/predictions?trend_direction=strongly_down"),
    );
    expect(down.body.data.items.map((p) => p.subject)).toEqual(["Pipeline"]);

    const one = await call<{ data: Prediction }>(USERS.victor, seer(ws, `/predictions/${page.body.data.items[0]!.id}`));
    expect(one.status).toBe(200);
    expect(one.body.data.analysis.fit).toBeDefined();
    const missing = await call<ErrorBody>(USERS.victor, seer(ws, `/predictions/${crypto.randomUUID()}`));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("PREDICTION_NOT_FOUND");
  });
});
