import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type {
  DesignedInitiative,
  InitiativeDetail,
  InitiativeMove,
  InitiativeView,
} from "../../../../functions/lords/architect/index.ts";
import type { Page } from "../../../../shared/db/pagination.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";
import { connect, isFrame, type TestSocket, tokenFor } from "../../lords-runtime/helpers.ts";
import { architectPath, architectWorkspace, designBody, eventsWith, expectData } from "./helpers.ts";

// Strategic initiatives through the real router: design (phases, timeline, resources from the
// objectives and constraints), list, read, approve and the 9-state lifecycle's legal moves.
const sql = testSql();
let ws: string;
const path = (suffix: string) => architectPath(ws, suffix);
const open: TestSocket[] = [];

beforeAll(async () => {
  ws = await architectWorkspace(sql);
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${ws}`;
});
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

const design = (body = designBody()) =>
  expectData<DesignedInitiative>(USERS.oliver, path("/initiatives/design"), { body }, 201);

describe("POST /initiatives/design", () => {
  it("happy: plans phases on working days, the timeline and resources, and stores them with initiative.created", async () => {
    const initiative = await design();

    // Delivery 10 + 4 = 14 person-days; planning 15% = 2.1, review 10% = 1.4; 17.5 in all.
    // Team of 2: planning ⌈1.05⌉ = 2 days (Mon 1 – Tue 2 March 2027), dashboard 5 days (Wed 3 –
    // Tue 9), cost report 2 days (Wed 10 – Thu 11), review ⌈0.7⌉ = 1 day (Fri 12).
    expect(initiative).toMatchObject({
      workspace_id: ws,
      name: "Unify launch analytics",
      status: "proposed",
      priority: "high",
      start_date: "2027-03-01",
      target_date: "2027-03-12",
      estimated_budget: 8750,
      proposed_by: USERS.oliver.id,
      approved_by: null,
      feasible: true,
      issues: [],
      resource_needs: {
        team_size: 2,
        total_person_days: 17.5,
        overhead_person_days: 3.5,
        by_skill: { data: 9, frontend: 5 },
        daily_rate: 500,
        estimated_cost: 8750,
      },
      timeline: { start_date: "2027-03-01", end_date: "2027-03-12", working_days: 10, calendar_days: 12 },
    });
    expect(
      initiative.phases.map((p) => [p.position, p.name, p.start_date, p.end_date, p.deliverables, p.status]),
    ).toEqual([
      [1, "Discovery and planning", "2027-03-01", "2027-03-02", ["Single dashboard", "Daily cost report"], "pending"],
      [2, "Delivery: Single dashboard", "2027-03-03", "2027-03-09", ["Single dashboard"], "pending"],
      [3, "Delivery: Daily cost report", "2027-03-10", "2027-03-11", ["Daily cost report"], "pending"],
      [4, "Review and handover", "2027-03-12", "2027-03-12", ["Single dashboard", "Daily cost report"], "pending"],
    ]);
    expect(initiative.phases[0]?.description).toBe("2.1 person-days over 2 working days");

    const [row] = await sql<{ status: string; estimated_budget: string; objectives: unknown }[]>`
      select status, estimated_budget::text, objectives from public.initiatives where id = ${initiative.id}`;
    expect(row).toMatchObject({ status: "proposed", estimated_budget: "8750.00" });
    const [phases] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.initiative_phases where initiative_id = ${initiative.id}`;
    expect(phases?.n).toBe(4);
    const events = await eventsWith(sql, ws, "initiative_id", initiative.id);
    expect(events).toEqual([
      expect.objectContaining({
        event_type: "initiative.created",
        channel: "guild_broadcast",
        lord: "architect",
        actor_id: USERS.oliver.id,
        payload: expect.objectContaining({ status: "proposed", feasible: true, estimated_budget: 8750 }),
      }),
    ]);
  });

  it("happy: a design over budget and past its deadline is stored with its issues", async () => {
    const initiative = await design(
      designBody({
        constraints: { start_date: "2027-03-01", team_size: 2, daily_rate: 500, budget: 5000, deadline: "2027-03-10" },
      }),
    );
    expect(initiative.feasible).toBe(false);
    expect(initiative.issues).toEqual([
      "estimated cost 8750 exceeds the budget 5000 by 3750",
      "ends 2027-03-12, 2 days after the deadline 2027-03-10",
    ]);
  });

  it("error: bad input is a 400 naming each field; nothing is stored", async () => {
    const before = await countInitiatives();
    const cases: [Record<string, unknown>, string][] = [
      [designBody({ objectives: [] }), "objectives"],
      [designBody({ objectives: [{ id: "a", title: "A", effort_person_days: 0 }] }), "objectives.0.effort_person_days"],
      [designBody({ constraints: { start_date: "2027-02-30", team_size: 2 } }), "constraints.start_date"],
      [designBody({ constraints: { start_date: "2027-03-01", team_size: 0 } }), "constraints.team_size"],
      [designBody({ priority: "urgent" }), "priority"],
      [designBody({ colour: "blue" }), "colour"],
    ];
    for (const [body, field] of cases) {
      const res = await call<ErrorBody>(USERS.oliver, path("/initiatives/design"), { body });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
    // Duplicate objective ids pass the schema and are caught by the planner, under the request's name.
    const duplicate = await call<ErrorBody>(USERS.oliver, path("/initiatives/design"), {
      body: designBody({
        objectives: [
          { id: "a", title: "A", effort_person_days: 1 },
          { id: "a", title: "B", effort_person_days: 1 },
        ],
      }),
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0]?.field).toBe("objectives");
    expect(await countInitiatives()).toBe(before);
  });

  it("security: a viewer or analyst may not design (403); a non-member gets 404", async () => {
    for (const user of [USERS.victor, USERS.ana]) {
      const res = await call<ErrorBody>(user, path("/initiatives/design"), { body: designBody() });
      expect(res.status).toBe(403);
    }
    const outsider = await call<ErrorBody>(USERS.gina, path("/initiatives/design"), { body: designBody() });
    expect(outsider.status).toBe(404);
  });
});

describe("GET /initiatives and /initiatives/:id", () => {
  it("happy: lists newest first with a status filter and a cursor, and reads one with its phases", async () => {
    const first = await design(designBody({ name: "First of the list" }));
    const second = await design(designBody({ name: "Second of the list" }));
    const page1 = await expectData<Page<InitiativeView>>(USERS.victor, path("/initiatives?limit=1"), {}, 200);
    expect(page1.items.map((i) => i.id)).toEqual([second.id]);
    expect(page1.next_cursor).toEqual(expect.any(String));
    const page2 = await expectData<Page<InitiativeView>>(
      USERS.victor,
      path(`/initiatives?limit=1&cursor=${page1.next_cursor}`),
      {},
      200,
    );
    expect(page2.items.map((i) => i.id)).toEqual([first.id]);

    const proposed = await expectData<Page<InitiativeView>>(
      USERS.victor,
      path("/initiatives?status=approved"),
      {},
      200,
    );
    expect(proposed.items.every((i) => i.status === "approved")).toBe(true);

    const one = await expectData<InitiativeDetail>(USERS.victor, path(`/initiatives/${first.id}`), {}, 200);
    expect(one).toMatchObject({ id: first.id, name: "First of the list", status: "proposed" });
    expect(one.phases).toHaveLength(4);
  });

  it("error: bad query and path parameters are 400s naming them; an unknown id is 404", async () => {
    for (const [query, field] of [
      ["?status=dreaming", "status"],
      ["?limit=ten", "limit"],
      ["?cursor=nope", "cursor"],
      ["?colour=blue", "colour"],
    ] as const) {
      const res = await call<ErrorBody>(USERS.victor, path(`/initiatives${query}`));
      expect(res.status, query).toBe(400);
      expect(res.body.details.map((d) => d.field)).toContain(field);
    }
    const badId = await call<ErrorBody>(USERS.victor, path("/initiatives/not-a-uuid"));
    expect(badId.status).toBe(400);
    expect(badId.body.details[0]?.field).toBe("id");
    const missing = await call<ErrorBody>(USERS.victor, path(`/initiatives/${crypto.randomUUID()}`));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("INITIATIVE_NOT_FOUND");
  });

  it("security: another workspace sees none of these initiatives", async () => {
    const mine = await design();
    const theirs = await call<ErrorBody>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/architect/initiatives/${mine.id}`,
    );
    expect(theirs.status).toBe(404);
    const list = await expectData<Page<InitiativeView>>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/architect/initiatives?limit=100`,
      {},
      200,
    );
    expect(list.items.map((i) => i.id)).not.toContain(mine.id);
  });
});

describe("POST /initiatives/:id/approve and /transition", () => {
  it("happy: approving a proposal reviews then approves it, records the decision and both moves", async () => {
    const initiative = await design();
    const move = await expectData<InitiativeMove>(
      USERS.alice,
      path(`/initiatives/${initiative.id}/approve`),
      { method: "POST" },
      200,
    );
    expect(move).toMatchObject({
      from: "proposed",
      path: ["under_review", "approved"],
      decision_id: expect.any(String),
      initiative: { id: initiative.id, status: "approved", approved_by: USERS.alice.id },
    });
    expect(move.initiative.approved_at).not.toBeNull();
    const [decision] = await sql<{ lord: string; decision_type: string; status: string; initiative_id: string }[]>`
      select lord, decision_type, status, initiative_id from public.decisions where id = ${move.decision_id}`;
    expect(decision).toEqual({
      lord: "architect",
      decision_type: "approval",
      status: "approved",
      initiative_id: initiative.id,
    });
    const events = await eventsWith(sql, ws, "initiative_id", initiative.id);
    expect(events.map((e) => [e.event_type, e.payload.from ?? null, e.payload.to ?? null])).toEqual([
      ["initiative.created", null, null],
      ["initiative.status_changed", "proposed", "under_review"],
      ["initiative.status_changed", "under_review", "approved"],
      ["initiative.approved", null, null],
    ]);
  });

  it("happy: the lifecycle moves legally from approval to completion; rejected initiatives can be re-proposed", async () => {
    const initiative = await design();
    await expectData(USERS.oliver, path(`/initiatives/${initiative.id}/approve`), { method: "POST" }, 200);
    for (const status of ["planning", "in_progress", "on_hold", "in_progress", "completed"]) {
      const move = await expectData<InitiativeMove>(
        USERS.oliver,
        path(`/initiatives/${initiative.id}/transition`),
        { body: { status } },
        200,
      );
      expect(move.initiative.status).toBe(status);
    }
    const other = await design();
    for (const status of ["under_review", "rejected", "proposed"]) {
      await expectData(
        USERS.oliver,
        path(`/initiatives/${other.id}/transition`),
        { body: { status, reason: "scope" } },
        200,
      );
    }
    const types = (await eventsWith(sql, ws, "initiative_id", other.id)).map((e) => e.event_type);
    expect(types).toContain("initiative.proposed");
    const [rejection] = await sql<{ status: string; rationale: string }[]>`
      select status, rationale from public.decisions where initiative_id = ${other.id} and decision_type = 'approval'`;
    expect(rejection).toEqual({ status: "rejected", rationale: "scope" });
  });

  it("error: an illegal move is a 409 naming the allowed next states, and changes nothing", async () => {
    const initiative = await design();
    const res = await call<ErrorBody>(USERS.oliver, path(`/initiatives/${initiative.id}/transition`), {
      body: { status: "completed" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("INVALID_TRANSITION");
    expect(res.body.details[0]?.message).toContain("allowed next states: under_review, cancelled");
    await expectData(
      USERS.oliver,
      path(`/initiatives/${initiative.id}/transition`),
      { body: { status: "cancelled" } },
      200,
    );
    const again = await call<ErrorBody>(USERS.oliver, path(`/initiatives/${initiative.id}/approve`), {
      method: "POST",
    });
    expect(again.status).toBe(409);
    expect(again.body.details[0]?.message).toContain("terminal state");
    const [row] = await sql<{ status: string }[]>`select status from public.initiatives where id = ${initiative.id}`;
    expect(row?.status).toBe("cancelled");

    const badStatus = await call<ErrorBody>(USERS.oliver, path(`/initiatives/${initiative.id}/transition`), {
      body: { status: "finished" },
    });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.details[0]?.field).toBe("status");
  });

  it("security: a viewer may not approve (403); another workspace's initiative is 404", async () => {
    const initiative = await design();
    const viewer = await call<ErrorBody>(USERS.victor, path(`/initiatives/${initiative.id}/approve`), {
      method: "POST",
    });
    expect(viewer.status).toBe(403);
    const viewerMove = await call<ErrorBody>(USERS.victor, path(`/initiatives/${initiative.id}/transition`), {
      body: { status: "cancelled" },
    });
    expect(viewerMove.status).toBe(403);
    const foreign = await call<ErrorBody>(
      USERS.gina,
      `/api/workspaces/${WORKSPACES.globexLaunch}/lords/architect/initiatives/${initiative.id}/approve`,
      { method: "POST" },
    );
    expect(foreign.status).toBe(404);
    const [row] = await sql<{ status: string }[]>`select status from public.initiatives where id = ${initiative.id}`;
    expect(row?.status).toBe("proposed");
  });
});

describe("WebSocket /ws/lords/architect", () => {
  it("a subscribed client of the workspace receives the design's event; another workspace's client does not", async () => {
    const mine = await connect(ws, "/ws/lords/architect", { token: await tokenFor(USERS.victor) });
    const theirs = await connect(WORKSPACES.globexLaunch, "/ws/lords/architect", { token: await tokenFor(USERS.gina) });
    open.push(mine, theirs);
    const initiative = await design(designBody({ name: "Broadcast me" }));
    const frame = await mine.next(
      (f): f is Extract<typeof f, { type: "event" }> => isFrame("event")(f) && f.data.initiative_id === initiative.id,
    );
    expect(frame).toMatchObject({ lord: "architect", event: "initiative.created", data: { name: "Broadcast me" } });
    expect(theirs.frames.filter((f) => f.type === "event" && f.data.initiative_id === initiative.id)).toEqual([]);
  });
});

async function countInitiatives(): Promise<number> {
  const [row] = await sql<
    { n: number }[]
  >`select count(*)::int as n from public.initiatives where workspace_id = ${ws}`;
  return row?.n ?? 0;
}
