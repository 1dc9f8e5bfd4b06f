import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentoringEffectiveness } from "../../../../durable-objects/lords/cognition/effectiveness.ts";
import type { LearningSummary, MentoringResult } from "../../../../functions/lords/cognition/index.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { cognitionPath, cognitionWorkspace, eventsWith, expectData } from "./helpers.ts";

// Mentoring an agent from its execution history through the real router, and scoring how
// effective the previous session proved from the runs since.
const sql = testSql();
let ws: string;
const path = (suffix: string) => cognitionPath(ws, suffix);

/** Ten runs of MUSE-001, oldest first: [status, latency ms, cost USD, error]. */
const RUNS: [string, number, number, string | null][] = [
  ["succeeded", 1000, 0.01, null],
  ["succeeded", 1100, 0.01, null],
  ["succeeded", 1200, 0.01, null],
  ["succeeded", 1300, 0.01, null],
  ["succeeded", 1400, 0.01, null],
  ["failed", 1500, 0.01, "Timeout after 3000 ms"],
  ["succeeded", 1600, 0.05, null],
  ["failed", 1700, 0.01, "Timeout after 4500 ms"],
  ["failed", 1800, 0.01, "rate limited by provider"],
  ["succeeded", 12000, 0.01, null],
];

async function insertRun(status: string, latency: number, cost: number, error: string | null, createdAt: Date) {
  await sql`
    insert into public.agent_execution_logs (workspace_id, agent_id, capability, status, latency_ms, cost_usd, error,
                                             attempts, queued_at, started_at, completed_at, created_at)
    values (${ws}, (select id from public.agent_registry where code = 'MUSE-001'), 'copywriting', ${status}, ${latency},
            ${cost}, ${error}, 1, ${createdAt}, ${createdAt}, ${createdAt}, ${createdAt})`;
}

beforeAll(async () => {
  ws = await cognitionWorkspace(sql);
  const start = Date.now() - 86_400_000;
  for (const [i, [status, latency, cost, error]] of RUNS.entries()) {
    await insertRun(status, latency, cost, error, new Date(start + i * 60_000));
  }
  // Still running: not part of the history.
  await insertRun("running", 10, 0, null, new Date(start + 20 * 60_000));
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});

let first: MentoringResult;

describe("POST /mentoring/provide", () => {
  it("happy: guidance per area from the agent's finished runs, stored with mentoring.provided", async () => {
    first = await expectData<MentoringResult>(
      USERS.oliver,
      path("/mentoring/provide"),
      { body: { agent_code: "muse-001" } },
      201,
    );
    const m = first.mentoring;
    // 7 of 10 succeeded; p95 of the sorted latencies at h = 8.55: 1800 + 0.55 × 10200 = 7410 ms;
    // costs: median 0.01, mean 0.014, one run over 3× the median; "timeout after # ms" behind 2 of 3 failures.
    expect(m.runs).toBe(10);
    expect(m.successRate).toBeCloseTo(0.7, 12);
    expect(m.latency.p95).toBeCloseTo(7410, 9);
    expect(m.cost.median).toBeCloseTo(0.01, 12);
    expect(m.cost.mean).toBeCloseTo(0.014, 12);
    expect(m.errorPatterns[0]).toMatchObject({ pattern: "timeout after # ms", count: 2 });
    expect(m.guidance.map((g) => [g.area, g.severity])).toEqual([
      ["reliability", "high"],
      ["reliability", "medium"],
      ["latency", "medium"],
      ["cost", "low"],
      ["errors", "high"],
    ]);
    expect(m.status).toBe("critical");
    expect(first.previous).toBeNull();
    expect(first.session).toMatchObject({
      workspace_id: ws,
      agent_code: "MUSE-001",
      mentor_lord: "cognition",
      topic: "Critical: reliability, latency, cost, errors",
      status: "provided",
      effectiveness_score: null,
      created_by: USERS.oliver.id,
    });
    expect(first.session.guidance).toMatch(
      /^MUSE-001 \(Headline Copywriter\): 10 runs, 70% succeeded, p95 latency 7410 ms/,
    );
    const [row] = await sql<{ topic: string; recommendations: unknown[] }[]>`
      select topic, recommendations from public.mentoring_sessions where id = ${first.session.id}`;
    expect(row?.recommendations).toHaveLength(5);
    const events = await eventsWith(sql, ws, "session_id", first.session.id);
    expect(events).toEqual([
      expect.objectContaining({
        event_type: "mentoring.provided",
        lord: "cognition",
        payload: expect.objectContaining({ agent_code: "MUSE-001", status: "critical", runs: 10 }),
      }),
    ]);
  });

  it("happy: the next session scores the previous one by the areas the runs since no longer raise", async () => {
    for (let i = 0; i < 5; i++) await insertRun("succeeded", 1000, 0.01, null, new Date(Date.now() + i));
    const second = await expectData<MentoringResult>(
      USERS.oliver,
      path("/mentoring/provide"),
      { body: { agent_code: "MUSE-001", targets: { success_rate: 0.75 } } },
      201,
    );
    // Since the first session: 5 fast, cheap successes → reliability, latency, cost and errors all resolved.
    expect(second.previous).toEqual({ session_id: first.session.id, effectiveness_score: 1, runs_since: 5 });
    expect(second.mentoring.runs).toBe(15);
    // 12 of 15 = 80% against a 75% target: no reliability guidance on the whole window.
    expect(second.mentoring.guidance.filter((g) => g.area === "reliability" && g.severity === "high")).toEqual([]);
    const [previous] = await sql<{ effectiveness_score: string }[]>`
      select effectiveness_score::text from public.mentoring_sessions where id = ${first.session.id}`;
    expect(previous?.effectiveness_score).toBe("1.000");
    const summary = await expectData<LearningSummary>(USERS.victor, path("/learning/summary"), {}, 200);
    expect(summary.mentoring).toMatchObject({ sessions: 2, agents: 1, effectiveness: 1, scored: 1 });
  });

  it("error: an unknown agent or bad targets are 400s; an agent without history is 422", async () => {
    for (const [body, field] of [
      [{ agent_code: "MUSE-999" }, "agent_code"],
      [{ agent_code: "MUSE-001", targets: { success_rate: 2 } }, "targets.success_rate"],
      [{ agent_code: "MUSE-001", targets: { p95_latency_ms: 0 } }, "targets.p95_latency_ms"],
      [{ agent_code: "MUSE-001", limit: 0 }, "limit"],
      [{}, "agent_code"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.oliver, path("/mentoring/provide"), { body });
      expect(res.status, field).toBe(400);
      expect(res.body.details[0]?.field).toBe(field);
    }
    const idle = await call<ErrorBody>(USERS.oliver, path("/mentoring/provide"), { body: { agent_code: "MUSE-002" } });
    expect(idle.status).toBe(422);
    expect(idle.body.code).toBe("NO_EXECUTION_HISTORY");
  });

  it("security: a viewer may not mentor (403); another workspace has no history of this agent", async () => {
    expect((await call(USERS.victor, path("/mentoring/provide"), { body: { agent_code: "MUSE-001" } })).status).toBe(
      403,
    );
    const other = await cognitionWorkspace(sql);
    try {
      const res = await call<ErrorBody>(USERS.oliver, cognitionPath(other, "/mentoring/provide"), {
        body: { agent_code: "MUSE-001" },
      });
      expect(res.status).toBe(422);
    } finally {
      await sql`delete from public.workspaces where id = ${other}`;
    }
    expect((await call(USERS.gina, path("/mentoring/provide"), { body: { agent_code: "MUSE-001" } })).status).toBe(404);
  });
});

describe("mentoringEffectiveness", () => {
  it("is the share of raised areas no longer raised, and null with nothing raised or nothing to judge by", () => {
    const raised = [{ area: "latency" as const }, { area: "errors" as const }, { area: "latency" as const }];
    expect(mentoringEffectiveness(raised, { guidance: [] })).toBe(1);
    expect(mentoringEffectiveness(raised, { guidance: [{ area: "latency", severity: "medium", message: "" }] })).toBe(
      0.5,
    );
    expect(mentoringEffectiveness([], { guidance: [] })).toBeNull();
    expect(mentoringEffectiveness(raised, null)).toBeNull();
  });
});
