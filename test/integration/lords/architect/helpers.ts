import { expect } from "vitest";
import type { LordSuccess } from "../../../../functions/lords/index.ts";
import type { Sql } from "../../../../shared/db/database.ts";
import { type ApiCall, type Credentials, call, createWorkspace } from "../../../helpers/api.ts";
import { USERS } from "../../../helpers/db.ts";

/** A workspace of the test file's own: alice admin, oliver lord_operator, ana analyst, victor viewer. */
export function architectWorkspace(sql: Sql): Promise<string> {
  return createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.oliver, "lord_operator"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
}

/** The Architect's routes of a workspace. */
export function architectPath(workspaceId: string, suffix: string): string {
  return `/api/workspaces/${workspaceId}/lords/architect${suffix}`;
}

/** Calls an Architect route and expects `status`, showing the body when it differs; returns `data`. */
export async function expectData<T>(as: Credentials, path: string, request: ApiCall, status: number): Promise<T> {
  const res = await call<LordSuccess<T>>(as, path, request);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.status).toBe("success");
  return res.body.data;
}

/** The events of a workspace whose payload names `key` = `value`, oldest first. */
export function eventsWith(sql: Sql, workspaceId: string, key: string, value: string) {
  return sql<
    {
      event_type: string;
      channel: string;
      lord: string | null;
      actor_id: string | null;
      request_id: string | null;
      payload: Record<string, unknown>;
    }[]
  >`
    select event_type, channel, lord, actor_id, request_id, payload from public.events
    where workspace_id = ${workspaceId} and payload ->> ${key} = ${value} order by sequence`;
}

/** A design request: three objectives over a team of two, starting on a Monday. */
export function designBody(overrides: Record<string, unknown> = {}) {
  return {
    name: "Unify launch analytics",
    description: "One view of spend, pipeline and content performance.",
    priority: "high",
    objectives: [
      { id: "dash", title: "Single dashboard", effort_person_days: 10, skills: ["data", "frontend"] },
      { id: "cost", title: "Daily cost report", effort_person_days: 4, skills: ["data"] },
    ],
    constraints: { start_date: "2027-03-01", team_size: 2, daily_rate: 500, budget: 10_000 },
    ...overrides,
  };
}
