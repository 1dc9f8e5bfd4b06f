import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../helpers/api.ts";
import { type SeedUser, testSql, USERS } from "../../../helpers/db.ts";
import { eventsOf, grant, lordCall, lordWorkspace, type Success } from "./fixtures.ts";

const sql = testSql();
let mine: string;
let planId: string;
let taskId: string;
beforeAll(async () => {
  mine = await lordWorkspace(sql, "strategos resources");
  await grant(sql, mine, "muse", "budget", 1000, "USD");
  await grant(sql, mine, "matrix", "budget", 500, "USD");
  await grant(sql, mine, "research", "compute", 40, "gpu_hours");
  const res = await lordCall<Success<{ plan: { id: string }; tasks: { id: string }[] }>>(
    USERS.oliver,
    mine,
    "strategos",
    "/plans/create",
    {
      body: {
        name: "Budgeted plan",
        objectives: ["Spend wisely"],
        tasks: [{ key: "t", name: "Task", estimated_hours: 5 }],
      },
    },
  );
  planId = res.body.data.plan.id;
  taskId = res.body.data.tasks[0]?.id as string;
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${mine}`;
});

interface Utilization {
  by_type: {
    resource_type: string;
    capacity: number;
    allocated: number;
    available: number;
    allocation_rate: number | null;
    over_allocated: boolean;
    guilds: { guild: string | null; capacity: number; allocated: number; available: number }[];
  }[];
}

function allocate(body: Record<string, unknown>, as: SeedUser = USERS.oliver) {
  return lordCall<Success<{ allocation: { id: string; quantity: number; guild_id: string }; pools: unknown[] }>>(
    as,
    mine,
    "strategos",
    "/resources/allocate",
    { body },
  );
}

describe("strategos resources", { timeout: 30_000 }, () => {
  it("allocates within the pool, refuses over-allocation with 409 and the shortfall, and reports utilization", async () => {
    const first = await allocate({
      resource_type: "budget",
      quantity: 600,
      unit: "USD",
      plan_id: planId,
      guild: "muse",
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.data.allocation).toMatchObject({ quantity: 600, guild_id: expect.any(String) });
    expect(first.body.data.pools).toEqual([
      { scope: "workspace", guild: null, capacity: 1500, committed: 600, available: 900 },
      { scope: "guild", guild: "muse", capacity: 1000, committed: 600, available: 400 },
    ]);

    // Muse has 1000 − 600 = 400 left; asking 500 is 100 short (the workspace still has 900).
    const over = await allocate({
      resource_type: "budget",
      quantity: 500,
      unit: "USD",
      task_id: taskId,
      guild: "muse",
    });
    const body = over.body as unknown as ErrorBody;
    expect(over.status).toBe(409);
    expect(body.code).toBe("OVER_ALLOCATED");
    expect(body.details).toEqual([
      expect.objectContaining({
        field: "quantity",
        scope: "guild",
        guild: "muse",
        available: 400,
        requested: 500,
        shortfall: 100,
      }),
    ]);

    // Without a guild only the workspace's pool applies: 900 left.
    const unguilded = await allocate({ resource_type: "budget", quantity: 250, unit: "USD", task_id: taskId });
    expect(unguilded.status).toBe(201);
    const [row] = await sql<{ plan_id: string; status: string; created_by: string }[]>`
      select plan_id, status, created_by from public.resource_allocations where id = ${unguilded.body.data.allocation.id}`;
    expect(row).toEqual({ plan_id: planId, status: "allocated", created_by: USERS.oliver.id });

    const workspaceShort = await allocate({ resource_type: "budget", quantity: 700, unit: "USD", guild: "matrix" });
    // Workspace: 1500 − 850 = 650 available, 50 short; matrix alone could give 500, 200 short.
    expect(workspaceShort.status).toBe(409);
    expect(
      (workspaceShort.body as unknown as { details: Record<string, unknown>[] }).details.map((d) => [
        d.scope,
        d.shortfall,
      ]),
    ).toEqual([
      ["workspace", 50],
      ["guild", 200],
    ]);

    const events = await eventsOf(sql, mine, ["resource.allocated"]);
    expect(events.map((e) => [e.lord, e.payload.quantity])).toEqual([
      ["strategos", 600],
      ["strategos", 250],
    ]);

    const report = await lordCall<Success<Utilization>>(USERS.victor, mine, "strategos", "/resources/utilization");
    expect(report.status).toBe(200);
    const budget = report.body.data.by_type.find((type) => type.resource_type === "budget");
    expect(budget).toMatchObject({ capacity: 1500, allocated: 850, available: 650, over_allocated: false });
    expect(budget?.allocation_rate).toBeCloseTo(850 / 1500, 12);
    expect(budget?.guilds).toEqual([
      expect.objectContaining({ guild: "matrix", capacity: 500, allocated: 0 }),
      expect.objectContaining({ guild: "muse", capacity: 1000, allocated: 600, available: 400 }),
      expect.objectContaining({ guild: null, capacity: 0, allocated: 250 }),
    ]);
    const compute = await lordCall<Success<Utilization>>(
      USERS.victor,
      mine,
      "strategos",
      "/resources/utilization?resource_type=compute",
    );
    expect(compute.body.data.by_type).toEqual([
      expect.objectContaining({ resource_type: "compute", capacity: 40, allocated: 0, allocation_rate: 0 }),
    ]);
  });

  it("answers bad input with 400 naming the field, a viewer with 403, a stranger with 404", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ resource_type: "gold", quantity: 1, unit: "oz" }, "resource_type"],
      [{ resource_type: "budget", quantity: 0, unit: "USD" }, "quantity"],
      [{ resource_type: "budget", quantity: 1, unit: "EUR" }, "unit"],
      [{ resource_type: "budget", quantity: 1, unit: "USD", guild: "bards" }, "guild"],
    ];
    for (const [body, field] of cases) {
      const res = await allocate(body);
      expect(res.status, field).toBe(400);
      expect((res.body as unknown as ErrorBody).details.map((d) => d.field)).toContain(field);
    }
    const missingTask = await allocate({
      resource_type: "budget",
      quantity: 1,
      unit: "USD",
      task_id: crypto.randomUUID(),
    });
    expect(missingTask.status).toBe(404);
    expect((await allocate({ resource_type: "budget", quantity: 1, unit: "USD" }, USERS.victor)).status).toBe(403);
    expect((await allocate({ resource_type: "budget", quantity: 1, unit: "USD" }, USERS.gina)).status).toBe(404);
    expect((await lordCall(USERS.gina, mine, "strategos", "/resources/utilization")).status).toBe(404);
    const badQuery = await lordCall<ErrorBody>(
      USERS.victor,
      mine,
      "strategos",
      "/resources/utilization?resource_type=gold",
    );
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.details[0]?.field).toBe("resource_type");
  });
});
