import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { connect, isFrame, type TestSocket, tokenFor } from "../../lords-runtime/helpers.ts";
import { eventsOf, lordCall, lordWorkspace, type Success } from "./fixtures.ts";

const sql = testSql();
let mine: string;
let theirs: string;
beforeAll(async () => {
  mine = await lordWorkspace(sql, "strategos plans");
  theirs = await lordWorkspace(sql, "strategos plans elsewhere");
});
afterAll(async () => {
  await sql`delete from public.workspaces where id in ${sql([mine, theirs])}`;
});

interface PlanData {
  plan: { id: string; status: string; progress_percent: number; critical_path: string[] };
  tasks: { key: string; id: string; name: string; status: string; estimated_hours: number }[];
  timeline: {
    duration_hours: number;
    critical_path: string[];
    tasks: { task_id: string; earliest_start: number; earliest_finish: number; latest_start: number; slack: number }[];
    suggestions: { task_id: string; kind: string; hours: number; message: string }[];
  };
  event_id: number;
}

// design (8h) → copy (16h) and visuals (10h) → launch (4h).
const LAUNCH_PLAN = {
  name: "Launch week",
  objectives: ["Ship the launch page", "Open the webinar funnel"],
  priority: "high",
  deadline: "2027-06-01T00:00:00Z",
  tasks: [
    { key: "design", name: "Design brief", estimated_hours: 8, required_capabilities: ["design_brief"] },
    { key: "copy", name: "Write copy", estimated_hours: 16, depends_on: ["design"] },
    { key: "visuals", name: "Make visuals", estimated_hours: 10, depends_on: ["design"] },
    { key: "launch", name: "Launch", estimated_hours: 4, depends_on: ["copy", "visuals"], priority: "critical" },
  ],
};

type TaskIds = Record<"design" | "copy" | "visuals" | "launch", string>;

function createPlan(workspaceId: string, body: unknown = LAUNCH_PLAN) {
  return lordCall<Success<PlanData>>(USERS.oliver, workspaceId, "strategos", "/plans/create", { body });
}

describe("strategos plans: happy", { timeout: 30_000 }, () => {
  it("creates a plan scheduled by the critical path method, with its rows and plan.created in one commit", async () => {
    const res = await createPlan(mine);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { plan, tasks, timeline, event_id } = res.body.data;
    const id = Object.fromEntries(tasks.map((task) => [task.key, task.id])) as TaskIds;

    // Forward pass: design 0–8, copy 8–24, visuals 8–18, launch 24–28. Backward: visuals may
    // start as late as 14 (LF 24 − 10), so it has 6h of slack; the rest have none.
    expect(timeline.duration_hours).toBe(28);
    expect(timeline.critical_path).toEqual([id.design, id.copy, id.launch]);
    expect(plan.critical_path).toEqual(timeline.critical_path);
    const schedule = Object.fromEntries(timeline.tasks.map((task) => [task.task_id, task]));
    expect(schedule[id.visuals]).toMatchObject({
      earliest_start: 8,
      earliest_finish: 18,
      latest_start: 14,
      slack: 6,
    });
    expect(schedule[id.launch]).toMatchObject({ earliest_start: 24, earliest_finish: 28, slack: 0 });
    // Compressing design saves min(8, 28 − 20) = 8h; copy min(16, 28 − 22) = 6h; launch min(4, 28 − 24) = 4h.
    expect(timeline.suggestions.map((s) => [s.task_id, s.kind, s.hours])).toEqual([
      [id.design, "compress_critical", 8],
      [id.copy, "compress_critical", 6],
      [id.launch, "compress_critical", 4],
      [id.visuals, "use_slack", 6],
    ]);
    expect(timeline.suggestions[0]?.message).toContain("design");

    const [row] = await sql<{ status: string; priority: string; objectives: string[]; created_by: string }[]>`
      select status, priority, objectives, created_by from public.execution_plans where id = ${plan.id}`;
    expect(row).toEqual({
      status: "planned",
      priority: "high",
      objectives: LAUNCH_PLAN.objectives,
      created_by: USERS.oliver.id,
    });
    const stored = await sql<
      { name: string; priority: string; estimated_hours: string; required_capabilities: string[] }[]
    >`
      select name, priority, estimated_hours::text, required_capabilities from public.execution_tasks
      where plan_id = ${plan.id} order by name`;
    expect(stored).toEqual([
      { name: "Design brief", priority: "high", estimated_hours: "8.00", required_capabilities: ["design_brief"] },
      { name: "Launch", priority: "critical", estimated_hours: "4.00", required_capabilities: [] },
      { name: "Make visuals", priority: "high", estimated_hours: "10.00", required_capabilities: [] },
      { name: "Write copy", priority: "high", estimated_hours: "16.00", required_capabilities: [] },
    ]);
    const [deps] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.task_dependencies where workspace_id = ${mine}
        and task_id in ${sql(Object.values(id))}`;
    expect(deps?.n).toBe(4);
    const events = (await eventsOf(sql, mine, ["plan.created"])).filter((e) => e.payload.plan_id === plan.id);
    expect(events).toEqual([
      {
        sequence: event_id,
        event_type: "plan.created",
        lord: "strategos",
        actor_id: USERS.oliver.id,
        payload: expect.objectContaining({ task_count: 4, duration_hours: 28 }),
      },
    ]);
  });

  it("rolls plan progress up from tasks weighted by estimate, then re-plans the remaining work", async () => {
    const { body } = await createPlan(mine);
    const { plan, tasks } = body.data;
    const id = Object.fromEntries(tasks.map((task) => [task.key, task.id])) as TaskIds;

    const done = await lordCall<
      Success<{ task: { status: string; progress_percent: number }; plan: Record<string, unknown> }>
    >(USERS.oliver, mine, "strategos", `/tasks/${id.design}/progress`, {
      body: { progress_percent: 100, note: "Brief signed off" },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body.data.task).toMatchObject({ status: "completed", progress_percent: 100 });
    // 8h of 38h done: 100·8/38 = 21.05%.
    expect(done.body.data.plan).toMatchObject({ status: "in_progress", progress_percent: 21.05, total_hours: 38 });

    const half = await lordCall<Success<{ plan: Record<string, unknown> }>>(
      USERS.oliver,
      mine,
      "strategos",
      `/tasks/${id.copy}/progress`,
      {
        body: { progress_percent: 50, actual_hours: 9 },
      },
    );
    // (8·100 + 16·50 + 10·0 + 4·0) / 38 = 1600/38 = 42.105…%; 38 − 16 = 22h remain.
    expect(half.body.data.plan).toMatchObject({ progress_percent: 42.11, remaining_hours: 22, completed_tasks: 1 });
    const [task] = await sql<{ status: string; actual_hours: string; started: boolean }[]>`
      select status, actual_hours::text, started_at is not null as started from public.execution_tasks where id = ${id.copy}`;
    expect(task).toEqual({ status: "in_progress", actual_hours: "9.00", started: true });
    const updates = await sql<{ task_id: string | null; progress_percent: string }[]>`
      select task_id, progress_percent::text from public.progress_updates where plan_id = ${plan.id} order by recorded_at, task_id is null`;
    expect(updates.map((u) => [u.task_id, u.progress_percent])).toEqual([
      [id.design, "100.00"],
      [null, "21.05"],
      [id.copy, "50.00"],
      [null, "42.11"],
    ]);
    const events = (await eventsOf(sql, mine, ["task.progressed", "task.completed", "plan.updated"])).filter(
      (e) => e.payload.plan_id === plan.id,
    );
    expect(events.map((e) => e.event_type)).toEqual([
      "task.progressed",
      "task.completed",
      "plan.updated",
      "task.progressed",
    ]);

    // Remaining work (design is done and leaves the schedule): copy 8h, visuals 10h, launch 4h.
    // Visuals now leads: 0–10, launch 10–14; copy (0–8) may slip 2h.
    const optimized = await lordCall<Success<{ previous_duration_hours: number; timeline: PlanData["timeline"] }>>(
      USERS.oliver,
      mine,
      "strategos",
      `/plans/${plan.id}/optimize-timeline`,
      { method: "POST" },
    );
    expect(optimized.status, JSON.stringify(optimized.body)).toBe(200);
    expect(optimized.body.data.previous_duration_hours).toBe(28);
    expect(optimized.body.data.timeline.duration_hours).toBe(14);
    expect(optimized.body.data.timeline.critical_path).toEqual([id.visuals, id.launch]);
    expect(optimized.body.data.timeline.suggestions).toContainEqual(
      expect.objectContaining({
        task_id: id.copy,
        kind: "use_slack",
        hours: 2,
        message: expect.stringContaining("Write copy"),
      }),
    );
    const [stored] = await sql<{ critical_path: string[]; duration: number }[]>`
      select critical_path, (timeline->>'duration_hours')::float8 as duration from public.execution_plans where id = ${plan.id}`;
    expect(stored).toEqual({ critical_path: [id.visuals, id.launch], duration: 14 });
    expect((await eventsOf(sql, mine, ["timeline.optimized"])).some((e) => e.payload.plan_id === plan.id)).toBe(true);

    const closed = await lordCall<ErrorBody>(USERS.oliver, mine, "strategos", `/tasks/${id.design}/progress`, {
      body: { progress_percent: 90 },
    });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe("TASK_CLOSED");
  });

  it("reads plans and tasks: lists with filters, one plan with its tasks, one task with its edges", async () => {
    const { body } = await createPlan(mine, { ...LAUNCH_PLAN, name: "Readable plan" });
    const { plan, tasks } = body.data;
    const id = Object.fromEntries(tasks.map((task) => [task.key, task.id])) as TaskIds;

    const list = await lordCall<Success<{ items: { id: string }[]; next_cursor: string | null }>>(
      USERS.victor,
      mine,
      "strategos",
      "/plans?status=planned&limit=1&sort=-created_at",
    );
    expect(list.status).toBe(200);
    expect(list.body.data.items.map((item) => item.id)).toEqual([plan.id]);
    expect(list.body.data.next_cursor).not.toBeNull();
    const next = await lordCall<Success<{ items: { id: string }[] }>>(
      USERS.victor,
      mine,
      "strategos",
      `/plans?status=planned&limit=1&sort=-created_at&cursor=${list.body.data.next_cursor}`,
    );
    expect(next.body.data.items).toHaveLength(1);
    expect(next.body.data.items[0]?.id).not.toBe(plan.id);

    const one = await lordCall<Success<{ plan: { id: string }; tasks: unknown[]; dependencies: unknown[] }>>(
      USERS.victor,
      mine,
      "strategos",
      `/plans/${plan.id}`,
    );
    expect(one.status).toBe(200);
    expect(one.body.data.tasks).toHaveLength(4);
    expect(one.body.data.dependencies).toHaveLength(4);

    const planTasks = await lordCall<Success<{ items: { id: string }[] }>>(
      USERS.ana,
      mine,
      "strategos",
      `/tasks?plan_id=${plan.id}&sort=name`,
    );
    expect(planTasks.body.data.items.map((item) => item.id)).toEqual([id.design, id.launch, id.visuals, id.copy]);

    const task = await lordCall<Success<{ depends_on: string[]; dependants: string[] }>>(
      USERS.victor,
      mine,
      "strategos",
      `/tasks/${id.copy}`,
    );
    expect(task.body.data).toMatchObject({ depends_on: [id.design], dependants: [id.launch] });
  });
});

describe("strategos status", { timeout: 30_000 }, () => {
  it("lists the five capabilities of the spec and the plans it tracks", async () => {
    const res = await lordCall<
      Success<{
        capabilities: { name: string; mutates: boolean }[];
        state: { active_items: Record<string, { total: number }> };
      }>
    >(USERS.victor, mine, "strategos", "/status");
    expect(res.status).toBe(200);
    expect(res.body.data.capabilities.filter((c) => c.mutates).map((c) => c.name)).toEqual([
      "create_execution_plan",
      "assign_task",
      "allocate_resource",
      "track_progress",
      "optimize_timeline",
    ]);
    expect(res.body.data.state.active_items.plans?.total).toBeGreaterThan(0);
  });
});

describe("strategos plans: errors", { timeout: 30_000 }, () => {
  it("answers a cyclic plan with 400 naming the cycle, and stores nothing", async () => {
    const res = await createPlan(mine, {
      name: "Cyclic plan",
      objectives: ["Never finish"],
      tasks: [
        { key: "a", name: "A", estimated_hours: 1, depends_on: ["c"] },
        { key: "b", name: "B", estimated_hours: 1, depends_on: ["a"] },
        { key: "c", name: "C", estimated_hours: 1, depends_on: ["b"] },
        { key: "d", name: "D", estimated_hours: 1 },
      ],
    });
    const body = res.body as unknown as ErrorBody;
    expect(res.status).toBe(400);
    expect(body.details).toEqual([
      expect.objectContaining({ field: "tasks", message: "dependency cycle a → b → c → a" }),
    ]);
    expect(body.error).toContain("a → b → c → a");
    const [count] = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.execution_plans where name = 'Cyclic plan'`;
    expect(count?.n).toBe(0);
  });

  it("answers bad input with 400 naming each field", async () => {
    const cases: [unknown, string][] = [
      [{ ...LAUNCH_PLAN, tasks: [{ key: "a", name: "A", estimated_hours: -1 }] }, "tasks.0.estimated_hours"],
      [{ ...LAUNCH_PLAN, objectives: [] }, "objectives"],
      [{ ...LAUNCH_PLAN, priority: "urgent" }, "priority"],
      [
        { ...LAUNCH_PLAN, tasks: [{ key: "a", name: "A", estimated_hours: 1, depends_on: ["zz"] }] },
        "tasks.0.depends_on",
      ],
      [
        { ...LAUNCH_PLAN, tasks: [{ key: "a", name: "A", estimated_hours: 1, deadline: "2028-01-01T00:00:00Z" }] },
        "tasks.0.deadline",
      ],
      [{ ...LAUNCH_PLAN, extra: true }, "extra"],
    ];
    for (const [body, field] of cases) {
      const res = await lordCall<ErrorBody>(USERS.oliver, mine, "strategos", "/plans/create", { body });
      expect(res.status, field).toBe(400);
      expect(res.body.details.map((detail) => detail.field)).toContain(field);
    }
    const progress = await lordCall<ErrorBody>(
      USERS.oliver,
      mine,
      "strategos",
      `/tasks/${crypto.randomUUID()}/progress`,
      {
        body: { progress_percent: 101 },
      },
    );
    expect(progress.status).toBe(400);
    expect(progress.body.details[0]?.field).toBe("progress_percent");
    const badId = await lordCall<ErrorBody>(USERS.victor, mine, "strategos", "/tasks/not-a-uuid");
    expect(badId.status).toBe(400);
    expect(badId.body.details[0]?.field).toBe("task_id");
    const missing = await lordCall<ErrorBody>(USERS.victor, mine, "strategos", `/plans/${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe("PLAN_NOT_FOUND");
  });
});

describe("strategos plans: security", { timeout: 30_000 }, () => {
  it("refuses a viewer's and an analyst's actions with 403 but lets them read", async () => {
    for (const user of [USERS.victor, USERS.ana]) {
      const res = await lordCall<ErrorBody>(user, mine, "strategos", "/plans/create", { body: LAUNCH_PLAN });
      expect(res.status).toBe(403);
    }
    expect((await lordCall(USERS.victor, mine, "strategos", "/plans")).status).toBe(200);
  });

  it("keeps workspaces apart: a non-member gets 404, another workspace's plan is not found", async () => {
    const { body } = await createPlan(mine, { ...LAUNCH_PLAN, name: "Private plan" });
    const planId = body.data.plan.id;
    const taskId = body.data.tasks[0]?.id;

    expect((await lordCall(USERS.gina, mine, "strategos", "/plans")).status).toBe(404);
    expect((await lordCall(USERS.gina, mine, "strategos", "/plans/create", { body: LAUNCH_PLAN })).status).toBe(404);
    expect((await lordCall<ErrorBody>(USERS.oliver, theirs, "strategos", `/plans/${planId}`)).body.code).toBe(
      "PLAN_NOT_FOUND",
    );
    expect((await lordCall(USERS.oliver, theirs, "strategos", `/tasks/${taskId}`)).status).toBe(404);
    const moved = await lordCall(USERS.oliver, theirs, "strategos", `/tasks/${taskId}/progress`, {
      body: { progress_percent: 10 },
    });
    expect(moved.status).toBe(404);
    const list = await lordCall<Success<{ items: unknown[] }>>(USERS.oliver, theirs, "strategos", "/plans");
    expect(list.body.data.items).toEqual([]);
  });
});

describe("strategos plans: socket", { timeout: 30_000 }, () => {
  it("sends plan.created to a client subscribed to the Strategos channel of the same workspace", async () => {
    const sockets: TestSocket[] = [];
    try {
      const watcher = await connect(mine, "/ws/lords/strategos", { token: await tokenFor(USERS.victor) });
      const outsider = await connect(theirs, "/ws/lords/strategos", { token: await tokenFor(USERS.victor) });
      sockets.push(watcher, outsider);
      const { body } = await createPlan(mine, { ...LAUNCH_PLAN, name: "Watched plan" });
      const frame = await watcher.next(
        (f): f is Extract<typeof f, { type: "event" }> => isFrame("event")(f) && f.data.plan_id === body.data.plan.id,
      );
      expect(frame).toMatchObject({ lord: "strategos", event: "plan.created", event_id: body.data.event_id });
      expect(outsider.frames.some((f) => f.type === "event")).toBe(false);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });
});
