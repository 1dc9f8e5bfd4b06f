import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testSql, USERS } from "../../../helpers/db.ts";
import { eventsOf, lordCall, lordWorkspace, type Success } from "../strategos/fixtures.ts";

const sql = testSql();
let mine: string;
beforeAll(async () => {
  mine = await lordWorkspace(sql, "arbiter fairness");
  // Six decided two-party cases, all won by muse, one appealed; a seventh still open.
  const fairness = [90, 80, 70, 60, 100, 80];
  const satisfaction = [80, 70, 60, 90, 100, 80];
  for (const [index, score] of fairness.entries()) {
    await sql`
      with c as (
        insert into public.conflict_cases (workspace_id, title, conflict_type, severity, status, parties)
        values (${mine}, ${`Case ${index}`}, 'resource_allocation', 'medium', 'decided', '["muse","matrix"]') returning id
      ), p as (
        insert into public.resolution_proposals (workspace_id, case_id, solution, winner_party, fairness_score, status)
        select ${mine}, c.id, 'Muse wins', 'muse', ${score}, 'accepted' from c returning id, case_id
      ), d as (
        insert into public.arbitration_decisions (workspace_id, case_id, proposal_id, ruling, stakeholder_satisfaction,
                                                  decided_at, appeal_deadline_at)
        select ${mine}, p.case_id, p.id, 'Muse wins', ${satisfaction[index] ?? 0}, now() - ${`${index + 1} days`}::interval,
               now() - ${`${index + 1} days`}::interval + interval '14 days'
        from p returning id, case_id
      )
      insert into public.appeals (workspace_id, decision_id, case_id, grounds)
      select ${mine}, d.id, d.case_id, 'Unfair' from d where ${index === 0}`;
  }
  await sql`
    insert into public.conflict_cases (workspace_id, title, conflict_type, severity, parties)
    values (${mine}, 'Still open', 'goal_conflict', 'low', '["muse","matrix"]')`;
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${mine}`;
});

describe("arbiter fairness report", { timeout: 30_000 }, () => {
  it("averages fairness and satisfaction, rates appeals and resolutions, and flags a party that always wins", async () => {
    const res = await lordCall<
      Success<{
        report: {
          cases_count: number;
          average_fairness_score: number;
          satisfaction_average: number;
          appeal_rate: number;
          resolution_rate: number;
          bias_indicators: { party: string; wins: number; expected_wins: number; p_value: number }[];
          report: { parties: { party: string; wins: number; p_value: number }[]; significance_level: number };
        };
      }>
    >(USERS.oliver, mine, "arbiter", "/fairness/report", { body: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const report = res.body.data.report;
    // Fairness (90+80+70+60+100+80)/6 = 80; satisfaction (80+70+60+90+100+80)/6 = 80; one of six
    // decisions appealed (0.167); six of seven cases registered in the period settled (0.857).
    expect(report).toMatchObject({
      cases_count: 6,
      average_fairness_score: 80,
      satisfaction_average: 80,
      appeal_rate: 0.167,
      resolution_rate: 0.857,
    });
    // Muse won all six two-party rulings: 3 expected by chance, P(6 of 6) = 0.5⁶ = 0.015625, below
    // 0.05 / 2 parties = 0.025. Matrix won none and is not flagged.
    expect(report.bias_indicators).toEqual([
      expect.objectContaining({ party: "muse", wins: 6, expected_wins: 3, p_value: 0.015625 }),
    ]);
    expect(report.report.significance_level).toBe(0.025);
    expect(report.report.parties.map((p) => [p.party, p.wins, p.p_value])).toEqual([
      ["muse", 6, 0.015625],
      ["matrix", 0, 1],
    ]);
    const [stored] = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.fairness_metrics where workspace_id = ${mine}`;
    expect(stored?.n).toBe(1);
    const events = await eventsOf(sql, mine, ["fairness.reported"]);
    expect(events.map((e) => [e.lord, e.payload.decisions, e.payload.bias_indicators])).toEqual([
      ["arbiter", 6, ["muse"]],
    ]);

    // A period before any decision: nothing to average, nothing to flag.
    const empty = await lordCall<Success<{ report: { cases_count: number; average_fairness_score: number | null } }>>(
      USERS.oliver,
      mine,
      "arbiter",
      "/fairness/report",
      { body: { period_start: "2020-01-01T00:00:00Z", period_end: "2020-02-01T00:00:00Z" } },
    );
    expect(empty.body.data.report).toMatchObject({ cases_count: 0, average_fairness_score: null });
  });
});
