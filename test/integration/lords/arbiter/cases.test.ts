import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sql } from "../../../../shared/db/database.ts";
import type { ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { eventsOf, lordCall, lordWorkspace, type Success } from "../strategos/fixtures.ts";

const sql = testSql();
let mine: string;
let theirs: string;
beforeAll(async () => {
  mine = await lordWorkspace(sql, "arbiter cases");
  theirs = await lordWorkspace(sql, "arbiter cases elsewhere");
});
afterAll(async () => {
  await sql`delete from public.workspaces where id in ${sql([mine, theirs])}`;
});

/** A decided case with an accepted proposal and a decision taken `ago` (a Postgres interval) before now. */
async function seedDecision(db: Sql, workspaceId: string, ago: string): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    with c as (
      insert into public.conflict_cases (workspace_id, title, conflict_type, severity, status, parties)
      values (${workspaceId}, 'Seeded', 'priority_dispute', 'low', 'decided', '["muse","matrix"]') returning id
    ), p as (
      insert into public.resolution_proposals (workspace_id, case_id, solution, winner_party, fairness_score, status,
                                               party_outcomes)
      select ${workspaceId}, c.id, 'Muse first', 'muse', 80, 'accepted',
             '[{"party":"muse","satisfaction":1},{"party":"matrix","satisfaction":0.6}]'::jsonb from c returning id, case_id
    )
    insert into public.arbitration_decisions (workspace_id, case_id, proposal_id, ruling, stakeholder_satisfaction,
                                              decided_at, appeal_deadline_at)
    select ${workspaceId}, p.case_id, p.id, 'Muse first', 80, now() - ${ago}::interval,
           now() - ${ago}::interval + interval '14 days'
    from p returning id`;
  return row?.id as string;
}

const DISPUTE = {
  title: "Which launch goes first",
  conflict_type: "priority_dispute",
  parties: ["Brand", "Growth", "Product"],
  goals: ["Brand refresh", "Paid push", "Feature launch"],
  stakes: 5000,
};

describe("arbiter: a priority dispute", { timeout: 30_000 }, () => {
  it("registers, proposes from the parties' satisfaction and issues a directive", async () => {
    const registered = await lordCall<Success<{ case: { id: string; severity: string; severity_score: number } }>>(
      USERS.oliver,
      mine,
      "arbiter",
      "/conflict/register",
      { body: DISPUTE },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    // Stakes log10(5001)/log10(100001) = 0.73981 → 36.99; three parties (3 − 2)/8 = 0.125 → 2.5; 39.49.
    expect(registered.body.data.case.severity).toBe("medium");
    expect(registered.body.data.case.severity_score).toBeCloseTo(39.49, 2);
    const caseId = registered.body.data.case.id;
    const [row] = await sql<{ registered_by: string; parties: string[]; stakes: string }[]>`
      select registered_by, parties, stakes::text from public.conflict_cases where id = ${caseId}`;
    expect(row).toEqual({ registered_by: USERS.oliver.id, parties: DISPUTE.parties, stakes: "5000.00" });

    const missing = await lordCall<ErrorBody>(USERS.oliver, mine, "arbiter", "/resolution/propose", {
      body: { case_id: caseId },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((d) => d.field)).toEqual(["solution", "outcomes"]);

    const proposed = await lordCall<
      Success<{ proposal: { id: string; fairness_score: number; winner_party: string } }>
    >(USERS.oliver, mine, "arbiter", "/resolution/propose", {
      body: {
        case_id: caseId,
        solution: "Brand refresh first, paid push second, feature launch third",
        outcomes: [
          { party: "Brand", satisfaction: 0.9 },
          { party: "Growth", satisfaction: 0.6 },
          { party: "Product", satisfaction: 0.3 },
        ],
      },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    // Jain: (0.9 + 0.6 + 0.3)² / (3·(0.81 + 0.36 + 0.09)) = 3.24 / 3.78 = 0.857142…
    expect(proposed.body.data.proposal).toMatchObject({ fairness_score: 85.71, winner_party: "Brand" });

    const decided = await lordCall<
      Success<{ decision: { enforcement_strategy: Record<string, unknown>; stakeholder_satisfaction: number } }>
    >(USERS.oliver, mine, "arbiter", "/decision/make", {
      body: { proposal_id: proposed.body.data.proposal.id, ruling: "Brand goes first" },
    });
    expect(decided.status).toBe(201);
    expect(decided.body.data.decision).toMatchObject({
      stakeholder_satisfaction: 60,
      enforcement_strategy: expect.objectContaining({ mode: "directive", favoured_party: "Brand" }),
    });
    const events = (
      await eventsOf(sql, mine, [
        "conflict.registered",
        "resolution.proposed",
        "conflict.resolved",
        "resource.allocated",
      ])
    )
      .filter((e) => e.payload.case_id === caseId)
      .map((e) => e.event_type);
    expect(events).toEqual(["conflict.registered", "resolution.proposed", "conflict.resolved"]);

    const read = await lordCall<Success<{ case: { status: string }; proposals: unknown[]; decisions: unknown[] }>>(
      USERS.victor,
      mine,
      "arbiter",
      `/cases/${caseId}`,
    );
    expect(read.body.data.case.status).toBe("decided");
    expect(read.body.data.proposals).toHaveLength(1);
    expect(read.body.data.decisions).toHaveLength(1);
    const cases = await lordCall<Success<{ items: { id: string }[] }>>(
      USERS.victor,
      mine,
      "arbiter",
      "/cases?status=decided&conflict_type=priority_dispute",
    );
    expect(cases.body.data.items.map((item) => item.id)).toContain(caseId);
    const proposals = await lordCall<Success<{ items: { status: string }[] }>>(
      USERS.victor,
      mine,
      "arbiter",
      `/proposals?case_id=${caseId}`,
    );
    expect(proposals.body.data.items.map((item) => item.status)).toEqual(["accepted"]);
    const decisions = await lordCall<Success<{ items: { case_id: string }[] }>>(
      USERS.victor,
      mine,
      "arbiter",
      `/decisions?case_id=${caseId}`,
    );
    expect(decisions.body.data.items).toHaveLength(1);
  });
});

describe("arbiter: the 14-day appeal window", { timeout: 30_000 }, () => {
  it("accepts an appeal 13 days 23 hours after the decision", async () => {
    const decisionId = await seedDecision(sql, mine, "13 days 23 hours");
    const res = await lordCall<Success<{ appeal: { id: string; status: string }; window: { remaining_ms: number } }>>(
      USERS.oliver,
      mine,
      "arbiter",
      "/appeals/handle",
      { body: { decision_id: decisionId, grounds: "New evidence", party: "matrix" } },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data.window.remaining_ms).toBeGreaterThan(50 * 60_000);
    expect(res.body.data.window.remaining_ms).toBeLessThanOrEqual(3_600_000);
    const [state] = await sql<{ appeal: string; decision: string; kase: string; proposal: string }[]>`
      select a.status as appeal, d.status as decision, c.status as kase, p.status as proposal
      from public.appeals a join public.arbitration_decisions d on d.id = a.decision_id
      join public.conflict_cases c on c.id = a.case_id join public.resolution_proposals p on p.id = d.proposal_id
      where a.id = ${res.body.data.appeal.id}`;
    expect(state).toEqual({ appeal: "under_review", decision: "under_appeal", kase: "appealed", proposal: "appealed" });
    const events = (await eventsOf(sql, mine, ["appeal.handled"])).filter((e) => e.payload.decision_id === decisionId);
    expect(events.map((e) => [e.lord, e.payload.status])).toEqual([["arbiter", "under_review"]]);

    const detail = await lordCall<Success<{ appeals: unknown[]; appeal_window: { open: boolean } }>>(
      USERS.victor,
      mine,
      "arbiter",
      `/decisions/${decisionId}`,
    );
    expect(detail.body.data.appeals).toHaveLength(1);
    expect(detail.body.data.appeal_window.open).toBe(true);
    const list = await lordCall<Success<{ items: { decision_id: string }[] }>>(
      USERS.victor,
      mine,
      "arbiter",
      `/appeals?decision_id=${decisionId}`,
    );
    expect(list.body.data.items).toHaveLength(1);
  });

  it("refuses an appeal 14 days 1 hour after the decision with a 409 that says so", async () => {
    const decisionId = await seedDecision(sql, mine, "14 days 1 hour");
    const res = await lordCall<ErrorBody>(USERS.oliver, mine, "arbiter", "/appeals/handle", {
      body: { decision_id: decisionId, grounds: "Too late" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("APPEAL_WINDOW_CLOSED");
    expect(res.body.error).toContain("14-day appeal window");
    expect(res.body.details[0]).toMatchObject({ field: "decision_id", message: "the 14-day appeal window has closed" });
    const [count] = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.appeals where decision_id = ${decisionId}`;
    expect(count?.n).toBe(0);
  });
});

describe("arbiter status", { timeout: 30_000 }, () => {
  it("lists the spec's five capabilities and the fairness report among its actions", async () => {
    const res = await lordCall<Success<{ capabilities: { name: string; mutates: boolean }[] }>>(
      USERS.victor,
      mine,
      "arbiter",
      "/status",
    );
    expect(res.status).toBe(200);
    expect(res.body.data.capabilities.filter((c) => c.mutates).map((c) => c.name)).toEqual([
      "register_conflict",
      "analyze_conflict",
      "propose_resolution",
      "make_arbitration_decision",
      "handle_appeal",
      "fairness_report",
    ]);
  });
});

describe("arbiter: errors and security", { timeout: 30_000 }, () => {
  it("answers bad input with 400 naming the field", async () => {
    const cases: [string, unknown, string][] = [
      ["/conflict/register", { ...DISPUTE, conflict_type: "feud" }, "conflict_type"],
      ["/conflict/register", { ...DISPUTE, parties: ["Solo"] }, "parties"],
      ["/conflict/register", { ...DISPUTE, deadline: "tomorrow" }, "deadline"],
      ["/analysis/analyze", { case_id: "x" }, "case_id"],
      ["/appeals/handle", { decision_id: crypto.randomUUID() }, "grounds"],
      ["/fairness/report", { period_start: "2027-02-01T00:00:00Z", period_end: "2027-01-01T00:00:00Z" }, "period_end"],
    ];
    for (const [path, body, field] of cases) {
      const res = await lordCall<ErrorBody>(USERS.oliver, mine, "arbiter", path, { body });
      expect(res.status, `${path} ${field}`).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
    const query = await lordCall<ErrorBody>(USERS.victor, mine, "arbiter", "/cases?severity=apocalyptic");
    expect(query.status).toBe(400);
    expect(query.body.details[0]?.field).toBe("severity");
  });

  it("refuses viewers' actions, hides other workspaces' cases and turns away non-members", async () => {
    const res = await lordCall<ErrorBody>(USERS.victor, mine, "arbiter", "/conflict/register", { body: DISPUTE });
    expect(res.status).toBe(403);
    expect((await lordCall(USERS.victor, mine, "arbiter", "/fairness/report", { body: {} })).status).toBe(403);

    const registered = await lordCall<Success<{ case: { id: string } }>>(
      USERS.oliver,
      mine,
      "arbiter",
      "/conflict/register",
      {
        body: DISPUTE,
      },
    );
    const caseId = registered.body.data.case.id;
    const elsewhere = await lordCall<ErrorBody>(USERS.oliver, theirs, "arbiter", `/cases/${caseId}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.code).toBe("CASE_NOT_FOUND");
    const analyze = await lordCall(USERS.oliver, theirs, "arbiter", "/analysis/analyze", { body: { case_id: caseId } });
    expect(analyze.status).toBe(404);
    const list = await lordCall<Success<{ items: unknown[] }>>(USERS.oliver, theirs, "arbiter", "/cases");
    expect(list.body.data.items).toEqual([]);
    expect((await lordCall(USERS.gina, mine, "arbiter", "/cases")).status).toBe(404);
    expect((await lordCall(USERS.gina, mine, "arbiter", "/conflict/register", { body: DISPUTE })).status).toBe(404);
  });
});
