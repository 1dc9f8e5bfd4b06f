import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SynthesisDetail, SynthesisRun, SynthesisView } from "../../../../functions/lords/cognition/index.ts";
import type { Page } from "../../../../shared/db/pagination.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { cognitionPath, cognitionWorkspace, eventsWith, expectData, memoriesOf, recordLearning } from "./helpers.ts";

// Knowledge synthesis through the real router: related learnings grouped into syntheses with a
// confidence from support and agreement; re-running is stable; new evidence supersedes, in the
// table and in the knowledge base.
const sql = testSql();
let ws: string;
const path = (suffix: string) => cognitionPath(ws, suffix);
const ids: Record<string, string> = {};

const learnings = {
  a: {
    learning_type: "success",
    insight: "Customer webinars convert trial users",
    tags: ["webinar", "conversion"],
    confidence: 0.8,
  },
  b: {
    learning_type: "success",
    insight: "Webinars with customers lift conversion",
    tags: ["webinar", "conversion"],
    confidence: 0.6,
  },
  c: {
    learning_type: "failure",
    insight: "A webinar led by the product team had poor conversion",
    tags: ["webinar", "conversion"],
    confidence: 0.7,
  },
  d: {
    learning_type: "pattern",
    insight: "Email open rates peak on Tuesday mornings",
    tags: ["email"],
    confidence: 0.9,
  },
  e: { learning_type: "pattern", insight: "Tuesday email sends get the most opens", tags: ["email"], confidence: 0.5 },
};

beforeAll(async () => {
  ws = await cognitionWorkspace(sql);
  for (const [key, learning] of Object.entries(learnings)) {
    ids[key] = (await recordLearning(ws, { ...learning, source: "synthesis:test" })).learning.id;
  }
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

const synthesize = (body: Record<string, unknown> = {}) =>
  expectData<SynthesisRun>(USERS.oliver, path("/synthesis/create"), { body }, 201);

let prediction: SynthesisDetail;

describe("POST /synthesis/create", () => {
  it("happy: groups related learnings into a prediction and a pattern with confidence from support and agreement", async () => {
    const run = await synthesize();
    expect(run.learnings_considered).toBe(5);
    expect(run.unsynthesized).toEqual([]);
    expect(run.superseded).toEqual([]);
    expect(run.created.map((s) => s.synthesis_type)).toEqual(["prediction", "pattern"]);
    const [first, second] = run.created as [SynthesisDetail, SynthesisDetail];
    prediction = first;
    // Webinars: 2 successes, 1 failure → agreement 2/3 (< 0.75, and < 4 outcomes for a trend) →
    // a prediction of (2 + 1)/(3 + 2) = 60% success; confidence 3/5 × 2/3 × mean(0.8, 0.6, 0.7) = 0.28.
    expect(first.summary).toMatch(/^Expect about 60% success for .+ \(2 of 3 succeeded\)\.$/);
    expect(first.confidence).toBeCloseTo(0.28, 12);
    expect(first.figures).toEqual({
      support: 3,
      successes: 2,
      failures: 1,
      agreement: 2 / 3,
      mean_confidence: expect.any(Number),
    });
    expect(first.figures.mean_confidence).toBeCloseTo(0.7, 12);
    expect(first.learnings.map((l) => [l.id, l.weight])).toEqual([
      [ids.a, 0.8],
      [ids.b, 0.6],
      [ids.c, 0.7],
    ]);
    expect(first.title).toMatch(/^Prediction: /);
    // Email: two patterns, no outcomes → agreement 1; 2/4 × 1 × mean(0.9, 0.5) = 0.35.
    expect(second.summary).toMatch(/^Recurring pattern around .+ \(2 observations\)\.$/);
    expect(second.confidence).toBeCloseTo(0.35, 12);
    expect(second.status).toBe("published");

    const [row] = await sql<{ confidence: string; status: string; insights: string[] }[]>`
      select confidence::text, status, insights from public.syntheses where id = ${first.id}`;
    expect(row).toEqual({
      confidence: "0.280",
      status: "published",
      insights: [learnings.a.insight, learnings.b.insight, learnings.c.insight],
    });
    expect(run.knowledge.stored[first.id]).toMatchObject({ stored: true });
    expect((await memoriesOf(sql, ws, "synthesis", first.id)).length).toBeGreaterThan(0);
    const [event] = await sql<{ event_type: string; lord: string; payload: { created: { id: string }[] } }[]>`
      select event_type, lord, payload from public.events
      where workspace_id = ${ws} and event_type = 'learning.synthesized' order by sequence desc limit 1`;
    expect(event?.lord).toBe("cognition");
    expect(event?.payload.created.map((c) => c.id)).toEqual([first.id, second.id]);
  });

  it("happy: re-running on the same learnings changes nothing", async () => {
    const run = await synthesize();
    expect(run.created).toEqual([]);
    expect(run.superseded).toEqual([]);
    expect(run.unchanged).toHaveLength(2);
    expect(run.unchanged).toContain(prediction.id);
  });

  it("happy: new evidence turns the prediction into a trend, superseding it here and in the knowledge base", async () => {
    const staleMemories = await memoriesOf(sql, ws, "synthesis", prediction.id);
    expect(staleMemories.length).toBeGreaterThan(0);
    ids.f = (
      await recordLearning(ws, {
        learning_type: "failure",
        insight: "Webinars without customer stories hurt conversion",
        tags: ["webinar", "conversion"],
        confidence: 0.9,
        source: "synthesis:test",
      })
    ).learning.id;
    const run = await synthesize();
    expect(run.superseded).toEqual([prediction.id]);
    expect(run.unchanged).toHaveLength(1);
    const [trend] = run.created as [SynthesisDetail];
    // Dated outcomes a, b | c, f: success share 100% → 0%, a shift of 1 ≥ 0.5 → a worsening trend.
    // Confidence 4/6 × 2/4 × mean(0.8, 0.6, 0.7, 0.9) = 0.25.
    expect(trend.synthesis_type).toBe("trend");
    expect(trend.summary).toMatch(/are worsening: success share 100% → 0%\.$/);
    expect(trend.confidence).toBeCloseTo(0.25, 12);
    const [old] = await sql<{ status: string }[]>`select status from public.syntheses where id = ${prediction.id}`;
    expect(old?.status).toBe("superseded");
    expect(run.knowledge.removed_chunks).toBe(staleMemories.length);
    const left = await sql<
      { id: string }[]
    >`select id from public.agent_memories where id in ${sql(staleMemories.map((m) => m.id))}`;
    expect(left).toEqual([]);
    expect((await memoriesOf(sql, ws, "synthesis", trend.id)).length).toBeGreaterThan(0);
  });

  it("error: nothing related enough is a 422; bad settings are 400s naming the field", async () => {
    const none = await call<ErrorBody>(USERS.oliver, path("/synthesis/create"), {
      body: { tags: ["nothing-like-this"] },
    });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe("NOTHING_TO_SYNTHESIZE");
    for (const [body, field] of [
      [{ similarity_threshold: 0 }, "similarity_threshold"],
      [{ min_support: 0 }, "min_support"],
      [{ since: "last week" }, "since"],
      [{ max_learnings: 5000 }, "max_learnings"],
      [{ depth: 3 }, "depth"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.oliver, path("/synthesis/create"), { body });
      expect(res.status, field).toBe(400);
      expect(res.body.details[0]?.field).toBe(field);
    }
  });

  it("security: a viewer may not synthesise (403); a non-member gets 404", async () => {
    expect((await call(USERS.victor, path("/synthesis/create"), { body: {} })).status).toBe(403);
    expect((await call(USERS.gina, path("/synthesis/create"), { body: {} })).status).toBe(404);
  });
});

describe("GET /synthesis/recent and /synthesis/:id", () => {
  it("happy: recent syntheses by status, one with its learnings; learnings name their syntheses", async () => {
    const published = await expectData<Page<SynthesisView>>(
      USERS.victor,
      path("/synthesis/recent?status=published"),
      {},
      200,
    );
    expect(published.items.map((s) => s.synthesis_type)).toEqual(["trend", "pattern"]);
    const superseded = await expectData<Page<SynthesisView>>(
      USERS.victor,
      path("/synthesis/recent?status=superseded"),
      {},
      200,
    );
    expect(superseded.items.map((s) => s.id)).toEqual([prediction.id]);
    const one = await expectData<SynthesisDetail>(USERS.victor, path(`/synthesis/${prediction.id}`), {}, 200);
    expect(one.learnings.map((l) => l.id)).toEqual([ids.a, ids.b, ids.c]);
    const learning = await expectData<{ syntheses: { id: string; status: string }[] }>(
      USERS.victor,
      path(`/learning/${ids.a}`),
      {},
      200,
    );
    expect(learning.syntheses.map((s) => s.status)).toEqual(["published", "superseded"]);
  });

  it("error and security: bad filters are 400s; unknown and foreign ids are 404", async () => {
    const bad = await call<ErrorBody>(USERS.victor, path("/synthesis/recent?synthesis_type=poem"));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]?.field).toBe("synthesis_type");
    expect((await call(USERS.victor, path(`/synthesis/${crypto.randomUUID()}`))).status).toBe(404);
    const foreign = await call<ErrorBody>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/cognition/synthesis/${prediction.id}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe("SYNTHESIS_NOT_FOUND");
  });
});

describe("events", () => {
  it("every synthesis run is in the log with the Lord, actor and channel", async () => {
    const runs = await sql<{ channel: string; actor_id: string }[]>`
      select channel, actor_id from public.events where workspace_id = ${ws} and event_type = 'learning.synthesized'`;
    expect(runs).toHaveLength(3);
    expect(runs.every((r) => r.channel === "guild_intellect" && r.actor_id === USERS.oliver.id)).toBe(true);
    expect(await eventsWith(sql, ws, "learning_id", ids.f ?? "")).toHaveLength(1);
  });
});
