import { env, evictDurableObject } from "cloudflare:test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ServerFrame } from "../../../shared/events/protocol.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import {
  connect,
  createWorkspace,
  dropWorkspace,
  isMarkedEvent,
  marker,
  recordAndPublish,
  TestSocket as Socket,
  settle,
  type TestSocket,
  tokenFor,
  upgrade,
} from "./helpers.ts";

const sql = testSql();
let workspaceId: string;
beforeAll(async () => {
  workspaceId = await createWorkspace(sql, "replay");
});
afterAll(() => dropWorkspace(sql, workspaceId));
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

type EventFrame = Extract<ServerFrame, { type: "event" }>;
const publish = (
  tag: string,
  type: Parameters<typeof recordAndPublish>[3] = "campaign.updated",
  lord = null as Parameters<typeof recordAndPublish>[5],
) => recordAndPublish(sql, USERS.alice, workspaceId, type, { marker: tag }, lord);
const ids = (frames: EventFrame[]) => frames.map((frame) => frame.event_id);
const ids3 = (events: { sequence: number }[]) => events.map((event) => event.sequence);

describe("replay after reconnect", () => {
  it("?last_event_id= replays what was missed, in order, then continues live", async () => {
    const token = await tokenFor(USERS.victor);
    const tag = marker();
    const first = await publish(tag);
    const missed = [await publish(tag), await publish(tag, "alert.created")];

    const socket = await connect(workspaceId, "/ws/workspace", { token, lastEventId: first.sequence });
    open.push(socket);
    await socket.next(
      (frame): frame is EventFrame => isMarkedEvent(tag)(frame) && frame.event_id === missed[1]?.sequence,
    );
    const live = await publish(tag);
    await socket.next((frame): frame is EventFrame => isMarkedEvent(tag)(frame) && frame.event_id === live.sequence);

    expect(ids(socket.eventsMarked(tag))).toEqual([...missed.map((event) => event.sequence), live.sequence]);
    expect(socket.eventsMarked(tag)[1]).toMatchObject({ event: "alert.created", timestamp: missed[1]?.createdAt });
  });

  it("a resume frame on an open socket replays after the given id", async () => {
    const socket = await connect(workspaceId, "/ws/workspace", { token: await tokenFor(USERS.victor) });
    open.push(socket);
    const tag = marker();
    const events = [await publish(tag), await publish(tag), await publish(tag)];
    await socket.next(
      (frame): frame is EventFrame => isMarkedEvent(tag)(frame) && frame.event_id === events[2]?.sequence,
    );

    const from = socket.frames.length;
    socket.send({ type: "resume", last_event_id: String(events[0]?.sequence) });
    await socket.next(
      (frame): frame is EventFrame => isMarkedEvent(tag)(frame) && frame.event_id === events[2]?.sequence,
      {
        from,
      },
    );
    expect(ids(socket.eventsMarked(tag))).toEqual([...ids3(events), events[1]?.sequence, events[2]?.sequence]);
  });

  it("events published while a replay runs arrive exactly once, without gaps", async () => {
    const token = await tokenFor(USERS.victor);
    const tag = marker();
    const before = await publish(tag);
    const backlog = [await publish(tag), await publish(tag)];

    const connecting = upgrade(workspaceId, "/ws/workspace", { token, lastEventId: before.sequence });
    const during = [];
    for (let i = 0; i < 5; i++) during.push(await publish(tag));
    const res = await connecting;
    const socket = new Socket(res.webSocket as WebSocket);
    open.push(socket);
    const last = during.at(-1)?.sequence;
    await socket.next((frame): frame is EventFrame => isMarkedEvent(tag)(frame) && frame.event_id === last);
    await settle();

    const received = ids(socket.eventsMarked(tag));
    expect(received).toEqual([...backlog, ...during].map((event) => event.sequence));
  });

  it("a Lord channel replays only what that channel carries", async () => {
    const tag = marker();
    const before = await publish(tag);
    const own = await publish(tag, "plan.created", "strategos");
    await publish(tag, "conflict.registered", "arbiter");
    const socket = await connect(workspaceId, "/ws/lords/strategos", {
      token: await tokenFor(USERS.victor),
      lastEventId: before.sequence,
    });
    open.push(socket);
    await socket.next(isMarkedEvent(tag));
    await settle();
    expect(ids(socket.eventsMarked(tag))).toEqual([own.sequence]);
  });

  it("after the bus is evicted with its sockets closed, a reconnect with the last id gets the gap", async () => {
    const token = await tokenFor(USERS.victor);
    const tag = marker();
    const socket = await connect(workspaceId, "/ws/workspace", { token });
    const seen = await publish(tag);
    await socket.next(isMarkedEvent(tag));

    await evictDurableObject(env.WORKSPACE_BUS.getByName(workspaceId), { webSockets: "close" });
    for (let i = 0; i < 40 && !socket.closed; i++) await settle(25);
    expect(socket.closed).toBe(true);
    const gap = [await publish(tag), await publish(tag)];

    const last = socket.eventsMarked(tag).at(-1)?.event_id ?? 0;
    expect(last).toBe(seen.sequence);
    const again = await connect(workspaceId, "/ws/workspace", { token, lastEventId: last });
    open.push(again);
    await again.next((frame): frame is EventFrame => isMarkedEvent(tag)(frame) && frame.event_id === gap[1]?.sequence);
    expect(ids(again.eventsMarked(tag))).toEqual(gap.map((event) => event.sequence));
  });
});
