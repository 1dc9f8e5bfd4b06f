import { env, runInDurableObject } from "cloudflare:test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LordObject } from "../../../durable-objects/lords/lord-object.ts";
import type { LordName } from "../../../shared/events/catalogue.ts";
import type { RecordedEvent } from "../../../shared/events/record.ts";
import { lordObjectName } from "../../../shared/lords/names.ts";
import type { ExecuteRequest } from "../../../shared/lords/types.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import {
  countAlerts,
  failingReaction,
  noteRejection,
  operator,
  raiseAlert,
  raiseThenFail,
  raiseThenRollBack,
  readAndEmit,
  requestFrom,
} from "./fixtures.ts";
import {
  connect,
  createWorkspace,
  dropWorkspace,
  isMarkedEvent,
  marker,
  settle,
  type TestSocket,
  tokenFor,
} from "./helpers.ts";

const sql = testSql();
let workspaceId: string;
beforeAll(async () => {
  workspaceId = await createWorkspace(sql, "runtime");
});
afterAll(() => dropWorkspace(sql, workspaceId));
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

function lord(name: LordName) {
  return env.LORDS.getByName(lordObjectName(workspaceId, name));
}

function run(name: LordName, capability: Parameters<LordObject["run"]>[0], request: ExecuteRequest) {
  return runInDurableObject(lord(name), (instance: LordObject) => instance.run(capability, request));
}

async function eventsMarked(value: string) {
  return sql<{ sequence: string; event_type: string; lord: string; actor_id: string; request_id: string }[]>`
    select sequence::text, event_type, lord, actor_id, request_id from public.events
    where workspace_id = ${workspaceId} and payload->>'marker' = ${value} order by sequence`;
}

async function alertsTitled(value: string) {
  return sql<{ id: string }[]>`select id from public.alerts where title = ${value}`;
}

describe("capability runtime: happy", () => {
  it("commits rows and the event in one transaction, then broadcasts to the Lord's and the workspace's sockets", async () => {
    const token = await tokenFor(USERS.victor);
    const lordSocket = await connect(workspaceId, "/ws/lords/architect", { token });
    const workspaceSocket = await connect(workspaceId, "/ws/workspace", { token });
    open.push(lordSocket, workspaceSocket);
    const tag = marker();
    const request = operator("raise_alert", { marker: tag, severity: "warning" });

    const result = await run("architect", raiseAlert, request);

    expect(result.ok).toBe(true);
    const [event] = await eventsMarked(tag);
    expect(event).toMatchObject({
      event_type: "alert.created",
      lord: "architect",
      actor_id: USERS.oliver.id,
      request_id: request.requestId,
    });
    expect(await alertsTitled(tag)).toHaveLength(1);
    expect(result).toEqual({ ok: true, data: { id: expect.any(String), event_id: Number(event?.sequence) } });
    for (const socket of [lordSocket, workspaceSocket]) {
      const frame = await socket.next(isMarkedEvent(tag));
      expect(frame).toMatchObject({ lord: "architect", event: "alert.created", event_id: Number(event?.sequence) });
    }
  });

  it("records metrics, live state and the decision", async () => {
    const tag = marker();
    const before = await lord("strategos").status();
    await run("strategos", raiseAlert, operator("raise_alert", { marker: tag, severity: "info" }));
    const status = await lord("strategos").status();

    expect(status.performance.executions).toBe(before.performance.executions + 1);
    expect(status.performance.by_capability.raise_alert?.successes).toBe(
      (before.performance.by_capability.raise_alert?.successes ?? 0) + 1,
    );
    expect(status.performance.average_latency_ms).toBeGreaterThanOrEqual(0);
    expect(status.state.counters.alerts_raised).toBe((before.state.counters.alerts_raised ?? 0) + 1);
    expect(status.state.active_items.alerts?.by_status.open).toBe(
      (before.state.active_items.alerts?.by_status.open ?? 0) + 1,
    );
    expect(status.state.recent_decisions[0]).toMatchObject({
      name: "raise_alert",
      kind: "capability",
      outcome: "succeeded",
      event_types: ["alert.created"],
      actor_id: USERS.oliver.id,
    });
  });

  it("runs reads as the actor, under row-level security", async () => {
    const tag = marker();
    await run("seer", raiseAlert, operator("raise_alert", { marker: tag, severity: "info" }));
    const member = await run("seer", countAlerts, requestFrom(USERS.victor, "viewer", "count_alerts", { marker: tag }));
    // Gina is not a member of acme-growth: RLS hides the row even though the Lord runs her read.
    const outsider = await run("seer", countAlerts, requestFrom(USERS.gina, "viewer", "count_alerts", { marker: tag }));
    expect(member).toEqual({ ok: true, data: { count: 1 } });
    expect(outsider).toEqual({ ok: true, data: { count: 0 } });
  });
});

describe("capability runtime: errors", () => {
  it("a failure inside the transaction rolls back rows and event, publishes nothing, counts a failure", async () => {
    const socket = await connect(workspaceId, "/ws/lords/cognition", { token: await tokenFor(USERS.victor) });
    open.push(socket);
    const tag = marker();
    const before = await lord("cognition").status();

    const result = await run(
      "cognition",
      raiseThenRollBack,
      operator("raise_then_roll_back", { marker: tag, severity: "info" }),
    );

    expect(result).toEqual({
      ok: false,
      error: { status: 409, code: "ALERT_CONFLICT", message: "The alert conflicts with another", details: [] },
    });
    expect(await eventsMarked(tag)).toEqual([]);
    expect(await alertsTitled(tag)).toEqual([]);
    const status = await lord("cognition").status();
    expect(status.performance.failures).toBe(before.performance.failures + 1);
    expect(status.state.counters.never_applied).toBeUndefined();
    expect(status.state.recent_decisions[0]).toMatchObject({ outcome: "failed", error_code: "ALERT_CONFLICT" });
    await settle();
    expect(socket.eventsMarked(tag)).toEqual([]);
  });

  it("events of a committed transaction are published even if the handler fails afterwards", async () => {
    const socket = await connect(workspaceId, "/ws/workspace", { token: await tokenFor(USERS.victor) });
    open.push(socket);
    const tag = marker();
    const result = await run("herald", raiseThenFail, operator("raise_then_fail", { marker: tag, severity: "info" }));
    expect(result).toMatchObject({ ok: false, error: { status: 500, code: "INTERNAL_ERROR" } });
    expect(await alertsTitled(tag)).toHaveLength(1);
    await socket.next(isMarkedEvent(tag));
  });

  it("invalid input is a 400 naming the field, before the handler runs", async () => {
    const result = await run("architect", raiseAlert, operator("raise_alert", { marker: "nope", severity: "loud" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(400);
    expect(result.error.details.map((detail) => detail.field).sort()).toEqual(["marker", "severity"]);
  });

  it("a non-mutating capability may not emit", async () => {
    const result = await run("architect", readAndEmit, operator("read_and_emit", {}));
    expect(result).toMatchObject({ ok: false, error: { status: 500 } });
  });
});

describe("capability runtime: security", () => {
  it("refuses a mutating capability to a viewer with 403, even when called directly", async () => {
    const tag = marker();
    const result = await run(
      "architect",
      raiseAlert,
      requestFrom(USERS.victor, "viewer", "raise_alert", { marker: tag, severity: "info" }),
    );
    expect(result).toMatchObject({ ok: false, error: { status: 403, code: "INSUFFICIENT_ROLE" } });
    expect(await alertsTitled(tag)).toEqual([]);
  });

  it("RLS refuses a write the caller's real role does not allow (403), even if the claimed role would", async () => {
    // Victor is a viewer in Postgres; the actor below claims more than his membership gives.
    const tag = marker();
    const result = await run(
      "architect",
      raiseAlert,
      requestFrom(USERS.victor, "lord_operator", "raise_alert", { marker: tag, severity: "info" }),
    );
    expect(result).toMatchObject({ ok: false, error: { status: 403 } });
    expect(await alertsTitled(tag)).toEqual([]);
  });
});

describe("reactions", () => {
  const rejected = (tag: string): RecordedEvent => ({
    id: crypto.randomUUID(),
    sequence: 0,
    workspaceId,
    channel: "guild_muse",
    type: "content.rejected",
    lord: "aesthete",
    payload: { marker: tag },
    actorId: null,
    requestId: "req-reaction-test",
    createdAt: new Date().toISOString(),
  });

  it("run with service-role transactions, publish what they emit and count in status", async () => {
    const socket = await connect(workspaceId, "/ws/lords/cognition", { token: await tokenFor(USERS.victor) });
    open.push(socket);
    const tag = marker();
    const ok = await runInDurableObject(lord("cognition"), (instance: LordObject) =>
      instance.react(noteRejection, rejected(tag)),
    );
    expect(ok).toBe(true);
    const [event] = await eventsMarked(tag);
    expect(event).toMatchObject({ event_type: "alert.created", lord: "cognition", actor_id: null });
    await socket.next(isMarkedEvent(tag));
    const status = await lord("cognition").status();
    expect(status.reactions.note_rejection?.successes).toBeGreaterThanOrEqual(1);
  });

  it("a failing reaction is counted and kept in dead_letters", async () => {
    const tag = marker();
    const event = { ...rejected(tag), sequence: Number.MAX_SAFE_INTEGER - 7 };
    const ok = await runInDurableObject(lord("aesthete"), (instance: LordObject) =>
      instance.react(failingReaction, event),
    );
    expect(ok).toBe(false);
    const letters = await sql<{ source: string; error: string; payload: { event: { payload: { marker: string } } } }[]>`
      select source, error, payload from public.dead_letters
      where workspace_id = ${workspaceId} and topic = 'aesthete.failing_reaction' and payload->'event'->'payload'->>'marker' = ${tag}`;
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ source: "raptorbus", error: "reaction exploded" });
    const status = await lord("aesthete").status();
    expect(status.reactions.failing_reaction?.failures).toBeGreaterThanOrEqual(1);
  });
});
