import { expect } from "vitest";
import type { RecordedLearning } from "../../../../functions/lords/cognition/index.ts";
import type { LordSuccess } from "../../../../functions/lords/index.ts";
import type { Sql } from "../../../../shared/db/database.ts";
import { type ApiCall, type Credentials, call, createWorkspace } from "../../../helpers/api.ts";
import { USERS } from "../../../helpers/db.ts";

/** A workspace of the test file's own: alice admin, oliver lord_operator, ana analyst, victor viewer. */
export function cognitionWorkspace(sql: Sql): Promise<string> {
  return createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.oliver, "lord_operator"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
}

/** The Cognition Lord's routes of a workspace. */
export function cognitionPath(workspaceId: string, suffix: string): string {
  return `/api/workspaces/${workspaceId}/lords/cognition${suffix}`;
}

/** Calls a Cognition route and expects `status`, showing the body when it differs; returns `data`. */
export async function expectData<T>(as: Credentials, path: string, request: ApiCall, status: number): Promise<T> {
  const res = await call<LordSuccess<T>>(as, path, request);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.status).toBe("success");
  return res.body.data;
}

/** Records a learning as oliver (a lord operator) and returns what the route answered. */
export function recordLearning(workspaceId: string, body: Record<string, unknown>): Promise<RecordedLearning> {
  return expectData<RecordedLearning>(USERS.oliver, cognitionPath(workspaceId, "/learning/record"), { body }, 201);
}

/** The events of a workspace whose payload names `key` = `value`, oldest first. */
export function eventsWith(sql: Sql, workspaceId: string, key: string, value: string) {
  return sql<
    {
      event_type: string;
      channel: string;
      lord: string | null;
      actor_id: string | null;
      payload: Record<string, unknown>;
    }[]
  >`
    select event_type, channel, lord, actor_id, payload from public.events
    where workspace_id = ${workspaceId} and payload ->> ${key} = ${value} order by sequence`;
}

/** Knowledge-base rows the Cognition Lord stored for a learning or synthesis (`cognition:<kind>:<id>`). */
export function memoriesOf(sql: Sql, workspaceId: string, kind: "learning" | "synthesis", id: string) {
  return sql<{ id: string; namespace: string; memory_type: string; content: string }[]>`
    select id, namespace, memory_type, content from public.agent_memories
    where workspace_id = ${workspaceId} and source = ${`cognition:${kind}:${id}`}`;
}
