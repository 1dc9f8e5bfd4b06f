import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecisionView, MadeDecision } from "../../../../functions/lords/cognition/index.ts";
import type { Page } from "../../../../shared/db/pagination.ts";
import { normalCdf } from "../../../../shared/domain/statistics/index.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { cognitionPath, cognitionWorkspace, eventsWith, expectData, recordLearning } from "./helpers.ts";

// Decisions from learnings through the real router: the option with the best evidence wins,
// with a confidence that it really is better and a rationale per option.
const sql = testSql();
let ws: string;
const path = (suffix: string) => cognitionPath(ws, suffix);

beforeAll(async () => {
  ws = await cognitionWorkspace(sql);
  const base = { source: "decision:test" };
  await recordLearning(ws, {
    ...base,
    learning_type: "success",
    insight: "Customer webinars converted well",
    tags: ["webinar"],
    confidence: 0.8,
  });
  await recordLearning(ws, {
    ...base,
    learning_type: "success",
    insight: "Our spring webinar filled the funnel",
    tags: ["webinar"],
    confidence: 0.6,
  });
  await recordLearning(ws, {
    ...base,
    learning_type: "failure",
    insight: "The Tuesday newsletter underperformed",
    tags: ["email"],
    confidence: 0.5,
  });
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

const options = [
  { id: "webinars", description: "Run customer webinars", tags: ["webinar"] },
  { id: "email", description: "Send a Tuesday newsletter", tags: ["email"] },
];

describe("POST /decisions/make", () => {
  it("happy: chooses by posterior success from relevant learnings, with the probability it is the better option", async () => {
    const made = await expectData<MadeDecision>(
      USERS.oliver,
      path("/decisions/make"),
      { body: { title: "Launch channel for Q2", options, context: { quarter: "Q2" } } },
      201,
    );
    // webinars: two relevant successes (tags match) → Beta(1 + 0.8 + 0.6, 1) = Beta(2.4, 1), mean 2.4/3.4.
    // email: one relevant failure → Beta(1, 1.5), mean 0.4. Confidence Φ((m₁ − m₂)/√(v₁ + v₂)).
    const variance = (a: number, b: number) => (a * b) / ((a + b) ** 2 * (a + b + 1));
    const expected = normalCdf((2.4 / 3.4 - 0.4) / Math.sqrt(variance(2.4, 1) + variance(1, 1.5)));
    expect(made.evidence.choice).toBe("webinars");
    expect(made.evidence.confidence).toBeCloseTo(expected, 12);
    expect(made.evidence.options).toEqual([
      expect.objectContaining({ optionId: "webinars", successWeight: 1.4, failureWeight: 0 }),
      expect.objectContaining({ optionId: "email", successWeight: 0, failureWeight: 0.5 }),
    ]);
    expect(made.evidence.rationale[0]).toBe(
      `Chose webinars over email (${Math.round(expected * 100)}% likely to be the better option)`,
    );
    expect(made.learnings_considered).toBe(3);
    expect(made.decision).toMatchObject({
      workspace_id: ws,
      lord: "cognition",
      decision_type: "strategic",
      title: "Launch channel for Q2",
      recommendation: "webinars: Run customer webinars",
      status: "proposed",
      decided_by: USERS.oliver.id,
      context: { quarter: "Q2", learnings_considered: 3 },
    });
    expect(made.decision.confidence).toBeCloseTo(Math.round(expected * 1000) / 1000, 12);
    expect(made.decision.rationale?.split("\n")).toEqual(made.evidence.rationale);

    const [row] = await sql<{ lord: string; confidence: string }[]>`
      select lord, confidence::text from public.decisions where id = ${made.decision.id}`;
    expect(row).toEqual({ lord: "cognition", confidence: (Math.round(expected * 1000) / 1000).toFixed(3) });
    const events = await eventsWith(sql, ws, "decision_id", made.decision.id);
    expect(events).toEqual([
      expect.objectContaining({
        event_type: "decision.made",
        channel: "guild_intellect",
        lord: "cognition",
        payload: expect.objectContaining({ choice: "webinars", options: 2, learnings_considered: 3 }),
      }),
    ]);
  });

  it("happy: with only the learnings tagged email, webinars have no evidence and stay at the prior", async () => {
    const made = await expectData<MadeDecision>(
      USERS.oliver,
      path("/decisions/make"),
      { body: { title: "Email only", options, tags: ["email"], decision_type: "content" } },
      201,
    );
    expect(made.learnings_considered).toBe(1);
    expect(made.evidence.choice).toBe("webinars");
    expect(made.evidence.rationale).toContain(
      "webinars: no relevant learnings, so expected success stays at the prior 50%",
    );
    expect(made.decision.decision_type).toBe("content");
  });

  it("error: bad options or types are 400s naming the field; nothing is stored", async () => {
    const [before] = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.decisions where workspace_id = ${ws}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "x", options: [] }, "options"],
      [{ title: "x", options: [options[0], { ...options[1], id: "webinars" }] }, "options"],
      [{ title: "x", options: [{ id: "a", description: "" }] }, "options.0.description"],
      [{ title: "x", options, decision_type: "routing" }, "decision_type"],
      [{ title: "x", options, relevance_threshold: 0 }, "relevance_threshold"],
      [{ options }, "title"],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, path("/decisions/make"), { body });
      expect(res.status, field).toBe(400);
      expect(
        res.body.details.map((d) => d.field),
        JSON.stringify(res.body),
      ).toContain(field);
    }
    const [after] = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.decisions where workspace_id = ${ws}`;
    expect(after?.n).toBe(before?.n);
  });

  it("security: a viewer may not decide (403); a non-member gets 404", async () => {
    expect((await call(USERS.victor, path("/decisions/make"), { body: { title: "x", options } })).status).toBe(403);
    expect((await call(USERS.gina, path("/decisions/make"), { body: { title: "x", options } })).status).toBe(404);
  });
});

describe("GET /decisions/recent and /decisions/:id", () => {
  it("happy: the Cognition Lord's decisions newest first, by type; one by id", async () => {
    const recent = await expectData<Page<DecisionView>>(USERS.victor, path("/decisions/recent"), {}, 200);
    expect(recent.items.map((d) => d.title)).toEqual(["Email only", "Launch channel for Q2"]);
    const content = await expectData<Page<DecisionView>>(
      USERS.victor,
      path("/decisions/recent?decision_type=content"),
      {},
      200,
    );
    expect(content.items.map((d) => d.title)).toEqual(["Email only"]);
    const one = await expectData<DecisionView>(USERS.victor, path(`/decisions/${recent.items[1]?.id}`), {}, 200);
    expect(one.title).toBe("Launch channel for Q2");
  });

  it("error and security: bad ids are 400; another Lord's, unknown and foreign decisions are 404", async () => {
    const bad = await call<ErrorBody>(USERS.victor, path("/decisions/42"));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]?.field).toBe("id");
    const [architects] = await sql<{ id: string }[]>`
      insert into public.decisions (workspace_id, lord, decision_type, title)
      values (${ws}, 'architect', 'routing', 'Route something') returning id`;
    expect((await call(USERS.victor, path(`/decisions/${architects?.id}`))).status).toBe(404);
    const recent = await expectData<Page<DecisionView>>(USERS.victor, path("/decisions/recent?limit=100"), {}, 200);
    const mine = recent.items[0]?.id ?? "";
    const foreign = await call<ErrorBody>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/cognition/decisions/${mine}`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe("DECISION_NOT_FOUND");
  });
});
