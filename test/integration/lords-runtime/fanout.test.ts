import { env } from "cloudflare:test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { withUser } from "../../../shared/db/database.ts";
import { publishEvents } from "../../../shared/events/publish.ts";
import { recordEvent } from "../../../shared/events/record.ts";
import { workspaceBus } from "../../../shared/lords/client.ts";
import { claimsFor, testSql, USERS } from "../../helpers/db.ts";
import {
  connect,
  createWorkspace,
  dropWorkspace,
  isFrame,
  isMarkedEvent,
  marker,
  settle,
  type TestSocket,
  tokenFor,
} from "./helpers.ts";

const sql = testSql();
let workspaceId: string;
beforeAll(async () => {
  workspaceId = await createWorkspace(sql, "fanout");
});
afterAll(() => dropWorkspace(sql, workspaceId));
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

describe("fan-out", () => {
  it("a batch is serialised once per event, sent to every socket, and delivered to a Lord in one call", async () => {
    const token = await tokenFor(USERS.victor);
    const sockets = await Promise.all([1, 2, 3].map(() => connect(workspaceId, "/ws/workspace", { token })));
    const lordSocket = await connect(workspaceId, "/ws/lords/cognition", { token });
    open.push(...sockets, lordSocket);
    const from = lordSocket.frames.length;
    lordSocket.send({ type: "subscribe", events: ["quality.assessed"] });
    await lordSocket.next(isFrame("subscribed"), { from });

    const bus = workspaceBus(env, workspaceId);
    const before = await bus.stats();
    const tag = marker();
    // One transaction, three events, one publish: what a capability that emits three does.
    const events = await withUser(sql, claimsFor(USERS.alice), async (tx) => [
      await recordEvent(tx, {
        workspaceId,
        type: "content.created",
        payload: { marker: tag },
        actorId: USERS.alice.id,
      }),
      await recordEvent(tx, {
        workspaceId,
        type: "quality.assessed",
        payload: { marker: tag },
        actorId: USERS.alice.id,
      }),
      await recordEvent(tx, {
        workspaceId,
        type: "feedback.provided",
        payload: { marker: tag },
        actorId: USERS.alice.id,
      }),
    ]);
    await publishEvents(env, events);

    for (const socket of sockets) {
      await socket.next((frame): frame is never => isMarkedEvent(tag)(frame) && frame.event === "feedback.provided");
      expect(socket.eventsMarked(tag).map((frame) => frame.event)).toEqual([
        "content.created",
        "quality.assessed",
        "feedback.provided",
      ]);
    }
    await lordSocket.next(isMarkedEvent(tag));
    await settle();
    expect(lordSocket.eventsMarked(tag).map((frame) => frame.event)).toEqual(["quality.assessed"]);

    const after = await bus.stats();
    expect(after.published_events - before.published_events).toBe(3);
    expect(after.publish_batches - before.publish_batches).toBe(1);
    expect(after.serializations - before.serializations).toBe(3);
    expect(after.frames_sent - before.frames_sent).toBe(9);
    // One delivery per interested Lord for the whole batch: Cognition (its socket subscribed) and
    // Herald (it reacts to every event type; this workspace has no subscribers, so it sends nothing).
    expect(after.lord_deliveries - before.lord_deliveries).toBe(2);
    expect(after.connections).toBe(3);
    expect(after.average_fanout_ms).toBeGreaterThanOrEqual(0);
    expect(after.lord_interests.cognition).toEqual(["quality.assessed"]);
  });

  it("nothing is serialised when no socket wants the events; only the reacting Lord is called", async () => {
    const bus = workspaceBus(env, workspaceId);
    for (let attempt = 0; attempt < 40 && (await bus.stats()).connections > 0; attempt++) await settle(25);
    const before = await bus.stats();
    expect(before.connections).toBe(0);
    const event = await withUser(sql, claimsFor(USERS.alice), (tx) =>
      recordEvent(tx, {
        workspaceId,
        type: "cache.invalidated",
        payload: { marker: marker() },
        actorId: USERS.alice.id,
      }),
    );
    await publishEvents(env, [event]);
    const after = await bus.stats();
    expect(after.serializations - before.serializations).toBe(0);
    // Herald reacts to every type (it notifies subscribers); no other Lord is woken.
    expect(after.lord_deliveries - before.lord_deliveries).toBe(1);
  });
});
