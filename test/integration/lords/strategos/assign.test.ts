import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../../helpers/api.ts";
import { type SeedUser, testSql, USERS } from "../../../helpers/db.ts";
import { eventsOf, lordCall, lordWorkspace, type Success } from "./fixtures.ts";

const sql = testSql();
let mine: string;
let tasks: Record<"headlines" | "mixed" | "more" | "done", string>;
beforeAll(async () => {
  mine = await lordWorkspace(sql, "strategos assign");
  const res = await lordCall<Success<{ tasks: { key: string; id: string }[] }>>(
    USERS.oliver,
    mine,
    "strategos",
    "/plans/create",
    {
      body: {
        name: "Copy sprint",
        objectives: ["Headlines and body copy"],
        tasks: [
          {
            key: "headlines",
            name: "Headlines",
            estimated_hours: 16,
            required_capabilities: ["generate_headlines", "headline_scoring"],
          },
          {
            key: "mixed",
            name: "Headlines and body",
            estimated_hours: 10,
            required_capabilities: ["generate_headlines", "write_body_copy"],
          },
          { key: "more", name: "More headlines", estimated_hours: 8, required_capabilities: ["generate_headlines"] },
          { key: "done", name: "Done already", estimated_hours: 1 },
        ],
      },
    },
  );
  tasks = Object.fromEntries(res.body.data.tasks.map((task) => [task.key, task.id])) as typeof tasks;
});
afterAll(async () => {
  await sql`delete from public.workspaces where id = ${mine}`;
});

interface Assigned {
  task: { status: string; agent_id: string };
  assignee: { agent_code: string; guild: string };
  ranking: {
    agent_code: string;
    eligible: boolean;
    score: number;
    capability_match: number;
    utilisation_after: number;
  }[];
}

function assign(body: Record<string, unknown>, as: SeedUser = USERS.oliver) {
  return lordCall<Success<Assigned>>(as, mine, "strategos", "/tasks/assign", { body });
}

describe("strategos assign_task", { timeout: 30_000 }, () => {
  it("assigns by capability match first, then by load", async () => {
    const first = await assign({ task_id: tasks.headlines });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // Only MUSE-001 has both capabilities: 0.7·1 + 0.3·(1 − 16/40) = 0.88.
    expect(first.body.data.assignee).toEqual(expect.objectContaining({ agent_code: "MUSE-001", guild: "muse" }));
    expect(first.body.data.ranking[0]?.score).toBeCloseTo(0.88, 12);
    expect(first.body.data.ranking[1]?.eligible).toBe(false);
    const [row] = await sql<{ status: string; code: string; guild: string }[]>`
      select t.status, a.code, g.slug as guild from public.execution_tasks t
      join public.agent_registry a on a.id = t.agent_id join public.guilds g on g.id = t.guild_id
      where t.id = ${tasks.headlines}`;
    expect(row).toEqual({ status: "scheduled", code: "MUSE-001", guild: "muse" });

    // MUSE-001 and MUSE-002 each cover half. MUSE-001 carries 16h: 0.35 + 0.3·(1 − 26/40) = 0.455;
    // MUSE-002 is idle: 0.35 + 0.3·(1 − 10/40) = 0.575.
    const second = await assign({ task_id: tasks.mixed, guild: "muse" });
    expect(second.body.data.assignee.agent_code).toBe("MUSE-002");
    const scores = Object.fromEntries(second.body.data.ranking.map((r) => [r.agent_code, r.score]));
    expect(scores["MUSE-002"]).toBeCloseTo(0.575, 12);
    expect(scores["MUSE-001"]).toBeCloseTo(0.455, 12);

    const events = await eventsOf(sql, mine, ["task.assigned"]);
    expect(events.map((e) => [e.lord, e.payload.task_id, e.payload.agent_code])).toEqual([
      ["strategos", tasks.headlines, "MUSE-001"],
      ["strategos", tasks.mixed, "MUSE-002"],
    ]);
  });

  it("answers 409 with the reasons when nobody has a required capability and room for the task", async () => {
    // With 20h of capacity MUSE-001 would carry (16 + 8)/20 = 120%.
    const res = await assign({ task_id: tasks.more, capacity_hours: 20, agent_codes: ["MUSE-001", "MUSE-002"] });
    const body = res.body as unknown as ErrorBody;
    expect(res.status).toBe(409);
    expect(body.code).toBe("NO_ELIGIBLE_ASSIGNEE");
    expect(body.details.map((d) => d.message)).toEqual([
      "MUSE-001 would be at 120% of capacity",
      "MUSE-002 has none of the required capabilities",
    ]);

    await lordCall(USERS.oliver, mine, "strategos", `/tasks/${tasks.done}/progress`, {
      body: { progress_percent: 100 },
    });
    const closed = await assign({ task_id: tasks.done });
    expect(closed.status).toBe(409);
    expect((closed.body as unknown as ErrorBody).code).toBe("TASK_CLOSED");
  });

  it("answers bad input with 400, a viewer with 403 and an unknown task with 404", async () => {
    const bad = await assign({ task_id: tasks.more, agent_codes: ["LORD-001"] });
    expect(bad.status).toBe(400);
    expect((bad.body as unknown as ErrorBody).details[0]?.field).toBe("agent_codes.0");
    expect((await assign({ task_id: "nope" })).status).toBe(400);
    expect((await assign({ task_id: tasks.more }, USERS.victor)).status).toBe(403);
    expect((await assign({ task_id: crypto.randomUUID() })).status).toBe(404);
    expect((await assign({ task_id: tasks.more }, USERS.gina)).status).toBe(404);
  });
});
