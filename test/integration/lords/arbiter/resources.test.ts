import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { connect, type TestSocket, tokenFor } from "../../lords-runtime/helpers.ts";
import { eventsOf, grant, lordCall, lordWorkspace, type Success } from "../strategos/fixtures.ts";

const sql = testSql();
let mine: string;
let planId: string;
let heldId: string;
beforeAll(async () => {
  mine = await lordWorkspace(sql, "arbiter resources");
  await grant(sql, mine, "muse", "budget", 1500, "USD");
  await grant(sql, mine, "matrix", "budget", 500, "USD");
  const plan = await lordCall<Success<{ plan: { id: string } }>>(USERS.oliver, mine, "strategos", "/plans/create", {
    body: { name: "Launch", objectives: ["Launch"], tasks: [{ key: "t", name: "Task", estimated_hours: 4 }] },
  });
  planId = plan.body.data.plan.id;
  // Muse already holds 600 for the plan; 700 is allocated to nobody in the dispute.
  const held = await lordCall<Success<{ allocation: { id: string } }>>(
    USERS.oliver,
    mine,
    "strategos",
    "/resources/allocate",
    {
      body: { resource_type: "budget", quantity: 600, unit: "USD", plan_id: planId, guild: "muse" },
    },
  );
  heldId = held.body.data.allocation.id;
  await lordCall(USERS.oliver, mine, "strategos", "/resources/allocate", {
    body: { resource_type: "budget", quantity: 700, unit: "USD" },
  });
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${mine}`;
});

interface Outcome {
  party: string;
  demand: number;
  weight: number;
  allocated: number;
  satisfaction: number;
}

interface ProposalData {
  proposal: {
    id: string;
    fairness_score: number;
    winner_party: string | null;
    party_outcomes: Outcome[];
    solution: string;
  };
  jain_index: number;
}

const jain = (xs: number[]) => xs.reduce((a, x) => a + x, 0) ** 2 / (xs.length * xs.reduce((a, x) => a + x * x, 0));

describe("arbiter: a resource conflict from registration to an enforced ruling", { timeout: 60_000 }, () => {
  it("splits the contested budget fairly and rewrites Strategos' allocations with the ruling", async () => {
    const sockets: TestSocket[] = [];
    try {
      const watcher = await connect(mine, "/ws/lords/arbiter", { token: await tokenFor(USERS.victor) });
      sockets.push(watcher);
      const deadline = new Date(Date.now() + 12 * 3_600_000).toISOString();
      const registered = await lordCall<
        Success<{ case: { id: string; severity: string; severity_score: number; stakes: number } }>
      >(USERS.oliver, mine, "arbiter", "/conflict/register", {
        body: {
          title: "Muse and Matrix both want the launch budget",
          conflict_type: "resource_allocation",
          parties: ["Muse guild", "Matrix guild"],
          goals: ["Ship copy", "Finish the war brief"],
          deadline,
          plan_id: planId,
          resource: {
            resource_type: "budget",
            unit: "USD",
            claims: [
              { party: "Muse guild", demand: 1200, priority: "critical", guild: "muse" },
              { party: "Matrix guild", demand: 400, priority: "low", guild: "matrix" },
            ],
          },
        },
      });
      expect(registered.status, JSON.stringify(registered.body)).toBe(201);
      // Stakes default to the money claimed, 1600: log10(1601)/log10(100001) = 0.64088 → 32.04 points;
      // two parties add 0; a deadline within 24h adds the full 30 → 62.04, high.
      const conflict = registered.body.data.case;
      expect(conflict).toMatchObject({ severity: "high", stakes: 1600 });
      expect(conflict.severity_score).toBeCloseTo(62.04, 2);

      const analyzed = await lordCall<
        Success<{
          root_causes: { factor: string; weight: number; statement: string }[];
          impact: Record<string, unknown>;
        }>
      >(USERS.oliver, mine, "arbiter", "/analysis/analyze", { body: { case_id: conflict.id } });
      expect(analyzed.status, JSON.stringify(analyzed.body)).toBe(200);
      // The pool: 2000 granted, 700 held outside the dispute → 1300 contested against 1600 claimed.
      const causes = analyzed.body.data.root_causes;
      expect(causes.map((c) => c.factor)).toEqual(["stakes", "urgency", "scarcity"]);
      expect(causes[0]?.weight).toBeCloseTo(32.044 / 62.044, 3);
      expect(causes[2]).toEqual({
        factor: "scarcity",
        weight: 300 / 1600,
        statement:
          "Claims total 1600 USD of budget against 1300 available: short by 300 (18.8% of demand cannot be met).",
      });
      expect(analyzed.body.data.impact.resource).toMatchObject({ total_demand: 1600, capacity: 1300, shortfall: 300 });
      const [stored] = await sql<{ status: string; root_cause: string }[]>`
        select status, root_cause from public.conflict_cases where id = ${conflict.id}`;
      expect(stored).toEqual({ status: "analyzing", root_cause: causes[0]?.statement });

      // Proportional to priority: coefficients 5·1200 and 2·400 share 1300 → 1147.0588 and 152.9411.
      const proportional = await lordCall<Success<ProposalData>>(USERS.oliver, mine, "arbiter", "/resolution/propose", {
        body: { case_id: conflict.id, rule: "proportional_to_priority" },
      });
      expect(proportional.status, JSON.stringify(proportional.body)).toBe(201);
      expect(proportional.body.data.proposal.party_outcomes.map((o) => o.allocated)).toEqual([1147.0588, 152.9411]);

      // Weighted max-min, weights 5 and 2: λ = 1300/7, neither demand is reached → 928.5714 and 371.4285.
      const maxMin = await lordCall<Success<ProposalData>>(USERS.oliver, mine, "arbiter", "/resolution/propose", {
        body: { case_id: conflict.id, rule: "weighted_max_min", rationale: "Copy is on the critical path" },
      });
      const proposal = maxMin.body.data.proposal;
      expect(proposal.party_outcomes.map((o) => [o.party, o.weight, o.allocated])).toEqual([
        ["Muse guild", 5, 928.5714],
        ["Matrix guild", 2, 371.4285],
      ]);
      const satisfaction = [928.5714 / 1200, 371.4285 / 400];
      expect(maxMin.body.data.jain_index).toBeCloseTo(jain(satisfaction), 12);
      expect(proposal.fairness_score).toBe(Math.round(10_000 * jain(satisfaction)) / 100);
      expect(proposal.fairness_score).toBe(99.18);
      expect(proposal.winner_party).toBe("Matrix guild");

      const decided = await lordCall<
        Success<{
          decision: { id: string; enforcement_strategy: Record<string, unknown>; stakeholder_satisfaction: number };
        }>
      >(USERS.oliver, mine, "arbiter", "/decision/make", { body: { proposal_id: proposal.id } });
      expect(decided.status, JSON.stringify(decided.body)).toBe(201);
      const decision = decided.body.data.decision;
      expect(decision.stakeholder_satisfaction).toBe(
        Math.round(10_000 * ((satisfaction[0]! + satisfaction[1]!) / 2)) / 100,
      );
      expect(decision.enforcement_strategy).toMatchObject({
        mode: "resource_reallocation",
        released: [{ allocation_id: heldId, quantity: 600 }],
      });

      // Strategos' allocations changed with the decision: the held 600 released, the shares allocated.
      const allocations = await sql<
        { id: string; status: string; quantity: string; guild: string | null; plan_id: string | null }[]
      >`
        select r.id, r.status, r.quantity::text, g.slug as guild, r.plan_id from public.resource_allocations r
        left join public.guilds g on g.id = r.guild_id where r.workspace_id = ${mine} order by r.created_at, r.quantity`;
      expect(allocations.map((a) => [a.status, a.quantity, a.guild, a.plan_id])).toEqual([
        ["released", "600.0000", "muse", planId],
        ["allocated", "700.0000", null, null],
        ["allocated", "371.4285", "matrix", planId],
        ["allocated", "928.5714", "muse", planId],
      ]);
      const events = await eventsOf(sql, mine, ["resource.allocated", "conflict.resolved"]);
      const fromDecision = events.filter((e) => e.payload.decision_id === decision.id);
      expect(fromDecision.map((e) => [e.event_type, e.lord, e.actor_id])).toEqual([
        ["resource.allocated", "arbiter", USERS.oliver.id],
        ["conflict.resolved", "arbiter", USERS.oliver.id],
      ]);
      const statuses = await sql<{ id: string; status: string }[]>`
        select id, status from public.resolution_proposals where case_id = ${conflict.id}`;
      expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
        [proportional.body.data.proposal.id]: "rejected",
        [proposal.id]: "accepted",
      });

      const utilization = await lordCall<
        Success<{
          by_type: {
            resource_type: string;
            allocated: number;
            guilds: { guild: string | null; allocated: number }[];
          }[];
        }>
      >(USERS.victor, mine, "strategos", "/resources/utilization?resource_type=budget");
      const budget = utilization.body.data.by_type[0];
      expect(budget?.allocated).toBeCloseTo(1999.9999, 6);
      expect(budget?.guilds.map((g) => [g.guild, g.allocated])).toEqual([
        ["matrix", 371.4285],
        ["muse", 928.5714],
        [null, 700],
      ]);

      for (const type of ["conflict.registered", "conflict.resolved", "resource.allocated"]) {
        await watcher.next((f): f is Extract<typeof f, { type: "event" }> => f.type === "event" && f.event === type);
      }

      const again = await lordCall<ErrorBody>(USERS.oliver, mine, "arbiter", "/decision/make", {
        body: { proposal_id: proposal.id },
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe("CASE_CLOSED");

      // The least satisfied party appeals the same day: accepted, with review points from the ruling.
      const appeal = await lordCall<Success<{ appeal: { status: string; review_points: string[] } }>>(
        USERS.oliver,
        mine,
        "arbiter",
        "/appeals/handle",
        { body: { decision_id: decision.id, grounds: "Muse carries the critical path", party: "Muse guild" } },
      );
      expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
      expect(appeal.body.data.appeal.status).toBe("under_review");
      expect(appeal.body.data.appeal.review_points[0]).toBe(
        "Muse guild was 77.4% satisfied against a mean of 85.1% (the least satisfied of 2).",
      );
      expect(appeal.body.data.appeal.review_points).toContain("The ruling favoured Matrix guild.");
      const pending = await lordCall<ErrorBody>(USERS.oliver, mine, "arbiter", "/appeals/handle", {
        body: { decision_id: decision.id, grounds: "Again" },
      });
      expect(pending.status).toBe(409);
      expect(pending.body.code).toBe("NOT_APPEALABLE");
    } finally {
      for (const socket of sockets) socket.close();
    }
  });

  it("answers bad resource claims with 400 naming the field", async () => {
    const base = {
      title: "Bad claims",
      conflict_type: "resource_allocation",
      parties: ["A", "B"],
      resource: {
        resource_type: "budget",
        unit: "USD",
        claims: [
          { party: "A", demand: 10, guild: "muse" },
          { party: "B", demand: 10, guild: "matrix" },
        ],
      },
    };
    const cases: [unknown, string][] = [
      [{ ...base, resource: undefined }, "resource"],
      [{ ...base, conflict_type: "goal_conflict" }, "resource"],
      [
        {
          ...base,
          resource: {
            ...base.resource,
            claims: [
              { party: "A", demand: 10, guild: "muse" },
              { party: "C", demand: 1, guild: "matrix" },
            ],
          },
        },
        "resource.claims.1.party",
      ],
      [
        {
          ...base,
          resource: {
            ...base.resource,
            claims: [
              { party: "A", demand: 10 },
              { party: "B", demand: 1, guild: "matrix" },
            ],
          },
        },
        "resource.claims.0",
      ],
      [
        {
          ...base,
          resource: {
            ...base.resource,
            claims: [
              { party: "A", demand: -1, guild: "muse" },
              { party: "B", demand: 1 },
            ],
          },
        },
        "resource.claims.0.demand",
      ],
      [{ ...base, parties: ["A", "A"] }, "parties"],
    ];
    for (const [body, field] of cases) {
      const res = await lordCall<ErrorBody>(USERS.oliver, mine, "arbiter", "/conflict/register", { body });
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
  });
});
