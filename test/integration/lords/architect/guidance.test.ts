import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GuidanceView } from "../../../../durable-objects/lords/architect/guidance-rows.ts";
import type { ProvidedGuidance, StrategyReview } from "../../../../functions/lords/architect/index.ts";
import type { Page } from "../../../../shared/db/pagination.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { architectPath, architectWorkspace, designBody, eventsWith, expectData } from "./helpers.ts";

// Guild guidance through the model layer (the deterministic offline model in tests) grounded in
// the workspace's context, strategy reviews scored against goals, and the guild's history.
const sql = testSql();
let ws: string;
let initiativeId: string;
const path = (suffix: string) => architectPath(ws, suffix);

beforeAll(async () => {
  ws = await architectWorkspace(sql);
  const designed = await expectData<{ id: string }>(
    USERS.oliver,
    path("/initiatives/design"),
    { body: designBody() },
    201,
  );
  initiativeId = designed.id;
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

const provide = (body: Record<string, unknown>) =>
  expectData<ProvidedGuidance>(USERS.oliver, path("/guidance/provide"), { body }, 201);

describe("POST /guidance/provide", () => {
  it("happy: model-written guidance grounded in the workspace, aligned with its initiatives, charged to the ledger", async () => {
    const first = await provide({ guild: "research", focus: "pricing research for the launch" });
    expect(first.guidance).toMatchObject({
      workspace_id: ws,
      guild: "research",
      guidance_type: "guidance",
      status: "active",
      created_by: USERS.oliver.id,
    });
    expect(first.guidance.title.length).toBeGreaterThan(0);
    expect(first.guidance.guidance.length).toBeGreaterThan(0);
    expect(Array.isArray(first.guidance.recommendations)).toBe(true);
    // No goals given: the open initiative is the goal, its objectives the keywords.
    expect(first.goals_from).toBe("initiatives");
    expect(first.alignment?.goals.map((g) => [g.goalId, g.matched.length + g.missing.length])).toEqual([
      [initiativeId, 2],
    ]);
    expect(first.guidance.alignment_score).toBe(Math.round((first.alignment?.score ?? -1) * 100) / 100);
    expect(first.model).toMatchObject({ tier: "strongest", downgraded: false });
    expect(first.model.tokens_in).toBeGreaterThan(0);

    const [ledger] = await sql<{ category: string; description: string; tokens_in: number; code: string }[]>`
      select l.category, l.description, l.tokens_in, a.code from public.cost_ledger l
      join public.agent_registry a on a.id = l.agent_id
      where l.workspace_id = ${ws} order by l.created_at desc limit 1`;
    expect(ledger).toEqual({
      category: "llm",
      description: "Architect strategic guidance for the research guild",
      tokens_in: first.model.tokens_in,
      code: "LORD-001",
    });
    const events = await eventsWith(sql, ws, "guidance_id", first.guidance.id);
    expect(events).toEqual([
      expect.objectContaining({
        event_type: "guidance.provided",
        lord: "architect",
        payload: expect.objectContaining({ guild: "research", superseded: [] }),
      }),
    ]);

    const second = await provide({
      guild: "research",
      goals: [{ id: "launch", description: "Launch research", keywords: ["pricing", "research"], weight: 2 }],
    });
    expect(second.superseded).toEqual([first.guidance.id]);
    expect(second.goals_from).toBe("request");
    expect(second.alignment?.goals.map((g) => g.goalId)).toEqual(["launch"]);
    const [old] = await sql<{ status: string }[]>`
      select status from public.strategic_guidance where id = ${first.guidance.id}`;
    expect(old?.status).toBe("superseded");
  });

  it("error: an unknown guild, empty goals or an unknown field are 400s naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ guild: "wizards" }, "guild"],
      [{ guild: "muse", goals: [] }, "goals"],
      [{ guild: "muse", goals: [{ id: "g", description: "" }] }, "goals.0.description"],
      [{ guild: "muse", tone: "bold" }, "tone"],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, path("/guidance/provide"), { body });
      expect(res.status, field).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
  });

  it("security: a viewer may not ask for guidance (403); a non-member gets 404", async () => {
    expect((await call(USERS.victor, path("/guidance/provide"), { body: { guild: "muse" } })).status).toBe(403);
    expect((await call(USERS.gina, path("/guidance/provide"), { body: { guild: "muse" } })).status).toBe(404);
  });
});

describe("POST /strategy/review", () => {
  const strategy = {
    description: "Publish weekly customer webinars and daily cost reports to prove pipeline impact",
    objectives: ["customer webinars"],
  };
  const goals = [
    { id: "pipeline", description: "Grow qualified pipeline", keywords: ["pipeline", "webinars"], weight: 2 },
    { id: "brand", description: "Brand awareness", keywords: ["brand awareness", "press coverage"] },
  ];

  it("happy: weighted keyword coverage with a reason per goal, stored as the guild's current review", async () => {
    const review = await expectData<StrategyReview>(
      USERS.oliver,
      path("/strategy/review"),
      { body: { guild: "muse", strategy, organizational_goals: goals } },
      201,
    );
    // pipeline: both keywords mentioned (webinars folds to webinar) → 1; brand: neither → 0.
    // Score 100 × (2 × 1 + 1 × 0) / 3 = 66.67.
    expect(review.alignment.score).toBeCloseTo(200 / 3, 12);
    expect(review.alignment.reasons).toEqual([
      "Supports goal pipeline (mentions pipeline, webinars)",
      "Does not address goal brand (no mention of brand awareness, press coverage)",
    ]);
    expect(review.review).toMatchObject({
      guild: "muse",
      guidance_type: "strategy_review",
      alignment_score: 66.67,
      status: "active",
      title: "Strategy review: Muse Guild",
    });
    expect(review.review.guidance).toMatch(/^Alignment 66\.67\/100: the strategy supports 1 of 2 goals\./);
    expect(review.goals_from).toBe("request");
    const events = await eventsWith(sql, ws, "guidance_id", review.review.id);
    expect(events.map((e) => [e.event_type, e.payload.alignment_score, e.payload.supported])).toEqual([
      ["strategy.reviewed", 66.67, 1],
    ]);

    // Without goals, the open initiative's objectives are the goal: "Daily cost report" is covered.
    const fromInitiatives = await expectData<StrategyReview>(
      USERS.oliver,
      path("/strategy/review"),
      { body: { guild: "muse", strategy } },
      201,
    );
    expect(fromInitiatives.goals_from).toBe("initiatives");
    expect(fromInitiatives.alignment.goals).toEqual([
      expect.objectContaining({
        goalId: initiativeId,
        coverage: 0.5,
        matched: ["Daily cost report"],
        missing: ["Single dashboard"],
      }),
    ]);
    expect(fromInitiatives.superseded).toEqual([review.review.id]);
  });

  it("error: missing strategy text, bad goal weights, or no goals anywhere are 400s naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ guild: "muse", strategy: { description: "" }, organizational_goals: goals }, "strategy.description"],
      [
        { guild: "muse", strategy, organizational_goals: [{ ...goals[0], weight: 0 }] },
        "organizational_goals.0.weight",
      ],
      [{ guild: "muse" }, "strategy"],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, path("/strategy/review"), { body });
      expect(res.status, field).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
    // A workspace without open initiatives has no goals to score against.
    const empty = await architectWorkspace(sql);
    try {
      const res = await call<ErrorBody>(USERS.oliver, architectPath(empty, "/strategy/review"), {
        body: { guild: "muse", strategy },
      });
      expect(res.status).toBe(400);
      expect(res.body.details[0]?.field).toBe("organizational_goals");
    } finally {
      await sql`delete from public.workspaces where id = ${empty}`;
    }
  });

  it("security: a viewer may not review (403)", async () => {
    const res = await call(USERS.victor, path("/strategy/review"), {
      body: { guild: "muse", strategy, organizational_goals: goals },
    });
    expect(res.status).toBe(403);
  });
});

describe("GET /guidance/:guild_name", () => {
  it("happy: the guild's guidance and reviews, newest first, filterable; a viewer may read", async () => {
    const all = await expectData<Page<GuidanceView>>(USERS.victor, path("/guidance/research"), {}, 200);
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.items.every((g) => g.guild === "research")).toBe(true);
    const active = await expectData<Page<GuidanceView>>(
      USERS.victor,
      path("/guidance/research?status=active&guidance_type=guidance"),
      {},
      200,
    );
    expect(active.items).toHaveLength(1);
    const reviews = await expectData<Page<GuidanceView>>(
      USERS.victor,
      path("/guidance/muse?guidance_type=strategy_review"),
      {},
      200,
    );
    expect(reviews.items.map((r) => r.status)).toEqual(["active", "superseded"]);
  });

  it("error: an unknown guild or filter is a 400 naming it", async () => {
    for (const [suffix, field] of [
      ["/guidance/wizards", "guild_name"],
      ["/guidance/muse?status=old", "status"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.victor, path(suffix));
      expect(res.status).toBe(400);
      expect(res.body.details[0]?.field).toBe(field);
    }
  });

  it("security: another workspace sees none of this workspace's guidance", async () => {
    const theirs = await expectData<Page<GuidanceView>>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/architect/guidance/research?limit=100`,
      {},
      200,
    );
    expect(theirs.items.every((g) => g.workspace_id === WORKSPACES.globexLaunch)).toBe(true);
  });
});
