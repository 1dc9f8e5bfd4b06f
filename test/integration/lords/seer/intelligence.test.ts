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

interface Intelligence {
  id: string;
  intelligence_type: string;
  impact_score: number;
  relevance_score: number;
  threat_level: string;
  key_insights: string[];
  data: { threat_score: number; opportunity_score: number; factors: { topic_coverage: number; freshness: number } };
}

const DAY = 86_400_000;

describe("gather_intelligence: happy", () => {
  it("scores a broad, harmful, month-old development as a critical threat at half relevance", async () => {
    const res = await call<{ data: Intelligence }>(USERS.oliver, seer(ws, "/intelligence/gather"), {
      body: {
        intelligence_type: "competitive",
        title: "Initech bundles analytics for free",
        source: "newsapi",
        source_url: "https://news.example/initech-bundle",
        reach: 1,
        magnitude: 0.81,
        sentiment: -1,
        source_reliability: 1,
        observed_at: new Date(Date.now() - 30 * DAY).toISOString(),
        topics: ["pricing", "analytics"],
        key_insights: ["Expect churn risk in the analytics tier"],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const item = res.body.data;
    // impact = 100·√(1·0.81)·1 = 90; no focus topics → coverage 1; threat = 90·1·1 = 90 → critical.
    // relevance = 100·1·0.5^(30/30) = 50.
    expect(item).toMatchObject({ impact_score: 90, relevance_score: 50, threat_level: "critical" });
    expect(item.data.threat_score).toBe(90);
    expect(item.data.opportunity_score).toBe(0);
    expect(item.key_insights).toEqual(["Expect churn risk in the analytics tier"]);
    const [row] =
      await sql`select impact_score::float8 as impact, relevance_score::float8 as relevance, threat_level, created_by
                            from public.market_intelligence where id = ${item.id} and workspace_id = ${ws}`;
    expect(row).toEqual({ impact: 90, relevance: 50, threat_level: "critical", created_by: USERS.oliver.id });
    const [event] = await sql`select payload from public.events where workspace_id = ${ws}
                              and event_type = 'intelligence.gathered' and payload->>'intelligence_id' = ${item.id}`;
    expect(event!.payload).toMatchObject({ impact_score: 90, threat_level: "critical", threat_score: 90 });
  });

  it("discounts relevance and opportunity by how much of it touches the focus topics", async () => {
    const res = await call<{ data: Intelligence }>(USERS.oliver, seer(ws, "/intelligence/gather"), {
      body: {
        intelligence_type: "market_trend",
        title: "Enterprise buyers shift budget to AI tooling",
        reach: 0.49,
        magnitude: 1,
        sentiment: 0.8,
        source_reliability: 1,
        topics: ["Enterprises", "pricing", "hardware"],
        focus_topics: ["enterprise", "pricing"],
      },
    });
    expect(res.status).toBe(201);
    const item = res.body.data;
    // impact = 100·√0.49 = 70; coverage: enterprise (plural and case folded) and pricing of 3 topics = 2/3;
    // relevance = 100·2/3 = 66.67 (observed now); opportunity = 70·0.8·2/3 = 37.33; no threat.
    expect(item).toMatchObject({ impact_score: 70, relevance_score: 66.67, threat_level: "low" });
    expect(item.data.opportunity_score).toBe(37.33);
    expect(item.data.factors.topic_coverage).toBeCloseTo(2 / 3, 10);
  });

  it("lists and reads intelligence; threat filter and 404 for another id", async () => {
    const critical = await call<{ data: { items: Intelligence[] } }>(
      USERS.victor,
      seer(ws, "/intelligence?threat_level=critical"),
    );
    expect(critical.status).toBe(200);
    expect(critical.body.data.items).toHaveLength(1);
    const one = await call<{ data: Intelligence }>(
      USERS.victor,
      seer(ws, `/intelligence/${critical.body.data.items[0]!.id}`),
    );
    expect(one.body.data.threat_level).toBe("critical");
    const missing = await call<ErrorBody>(USERS.victor, seer(ws, `/intelligence/${crypto.randomUUID()}`));
    expect(missing.status).toBe(404);
  });
});

describe("gather_intelligence: errors", () => {
  it("names out-of-range attributes, future observations and bad types", async () => {
    const base = {
      intelligence_type: "economic",
      title: "Rates",
      reach: 0.5,
      magnitude: 0.5,
      sentiment: 0,
      source_reliability: 0.5,
      topics: [],
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ reach: 1.5 }, "reach"],
      [{ sentiment: -2 }, "sentiment"],
      [{ source_reliability: -0.1 }, "source_reliability"],
      [{ observed_at: new Date(Date.now() + DAY).toISOString() }, "observed_at"],
      [{ observed_at: "yesterday" }, "observed_at"],
      [{ intelligence_type: "gossip" }, "intelligence_type"],
      [{ source_url: "not a url" }, "source_url"],
      [{ expires_at: "2020-01-01T00:00:00Z" }, "expires_at"],
    ];
    for (const [patch, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, seer(ws, "/intelligence/gather"), {
        body: { ...base, ...patch },
      });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
  });
});
