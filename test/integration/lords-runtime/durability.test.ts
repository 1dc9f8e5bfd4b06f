import { env, evictDurableObject, runInDurableObject, SELF } from "cloudflare:test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { LordObject } from "../../../durable-objects/lords/lord-object.ts";
import type { SocketAttachment } from "../../../durable-objects/sockets/subscriptions.ts";
import type { LordStatusResponse } from "../../../functions/lords/status.ts";
import type { LordName } from "../../../shared/events/catalogue.ts";
import { lordObjectName } from "../../../shared/lords/names.ts";
import { testSql, USERS } from "../../helpers/db.ts";
import { operator, raiseAlert } from "./fixtures.ts";
import {
  connect,
  createWorkspace,
  dropWorkspace,
  isFrame,
  isMarkedEvent,
  marker,
  recordAndPublish,
  settle,
  type TestSocket,
  tokenFor,
  workspaceUrl,
} from "./helpers.ts";

const sql = testSql();
let workspaceId: string;
beforeAll(async () => {
  workspaceId = await createWorkspace(sql, "durability");
});
afterAll(() => dropWorkspace(sql, workspaceId));
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

const bus = () => env.WORKSPACE_BUS.getByName(workspaceId);
const lord = (name: LordName) => env.LORDS.getByName(lordObjectName(workspaceId, name));
const attachments = (stub: DurableObjectStub) =>
  runInDurableObject(stub, (_instance, state) =>
    state.getWebSockets().map((ws) => ws.deserializeAttachment() as SocketAttachment),
  );

describe("hibernation and eviction keep subscriptions", () => {
  it("a workspace socket keeps its subscriptions when the bus is evicted", async () => {
    const socket = await connect(workspaceId, "/ws/workspace", { token: await tokenFor(USERS.victor) });
    open.push(socket);
    socket.send({ type: "unsubscribe", events: ["*"] });
    socket.send({ type: "subscribe", events: ["alert.resolved"] });
    await socket.next(
      (frame): frame is Extract<typeof frame, { type: "subscribed" }> =>
        frame.type === "subscribed" && frame.events.includes("alert.resolved"),
    );

    await evictDurableObject(bus());

    const ignored = marker();
    const wanted = marker();
    await recordAndPublish(sql, USERS.alice, workspaceId, "alert.created", { marker: ignored });
    await recordAndPublish(sql, USERS.alice, workspaceId, "alert.resolved", { marker: wanted });
    await socket.next(isMarkedEvent(wanted));
    expect(socket.eventsMarked(ignored)).toEqual([]);
    const mine = (await attachments(bus())).filter((attachment) => attachment.userId === USERS.victor.id);
    expect(mine.map((attachment) => attachment.events)).toContainEqual(["alert.resolved"]);

    const from = socket.frames.length;
    socket.send({ type: "ping" });
    await socket.next(isFrame("pong"), { from });
  });

  it("a Lord socket's subscription reaches it after both the Lord and the bus are evicted", async () => {
    const socket = await connect(workspaceId, "/ws/lords/herald", { token: await tokenFor(USERS.victor) });
    open.push(socket);
    const from = socket.frames.length;
    socket.send({ type: "subscribe", events: ["content.rejected"] });
    await socket.next(isFrame("subscribed"), { from });

    await evictDurableObject(lord("herald"));
    await evictDurableObject(bus());

    const subscribed = marker();
    const own = marker();
    const unrelated = marker();
    await recordAndPublish(sql, USERS.alice, workspaceId, "content.rejected", { marker: subscribed }, "aesthete");
    await recordAndPublish(sql, USERS.alice, workspaceId, "notification.sent", { marker: own }, "herald");
    await recordAndPublish(sql, USERS.alice, workspaceId, "campaign.updated", { marker: unrelated });
    await socket.next(isMarkedEvent(subscribed));
    await socket.next(isMarkedEvent(own));
    await settle();
    expect(socket.eventsMarked(unrelated)).toEqual([]);
  });

  it("closing the last Lord socket withdraws its interest from the bus", async () => {
    const socket = await connect(workspaceId, "/ws/lords/arbiter", { token: await tokenFor(USERS.victor) });
    socket.send({ type: "subscribe", events: ["budget.exhausted"] });
    await socket.next(
      (frame): frame is Extract<typeof frame, { type: "subscribed" }> =>
        frame.type === "subscribed" && frame.events.length === 1,
    );
    expect((await bus().stats()).lord_interests.arbiter).toEqual(["budget.exhausted"]);
    socket.close();
    for (let attempt = 0; attempt < 40 && (await bus().stats()).lord_interests.arbiter; attempt++) await settle(25);
    expect((await bus().stats()).lord_interests.arbiter).toBeUndefined();
  });
});

describe("eviction loses nothing acknowledged", () => {
  it("rows, events, metrics and live state survive the Lord's eviction", async () => {
    const tag = marker();
    const result = await runInDurableObject(lord("seer"), (instance: LordObject) =>
      instance.run(raiseAlert, operator("raise_alert", { marker: tag, severity: "warning" })),
    );
    expect(result.ok).toBe(true);

    await evictDurableObject(lord("seer"));

    const res = await SELF.fetch(workspaceUrl(workspaceId, "/lords/seer/status"), {
      headers: { authorization: `Bearer ${await tokenFor(USERS.victor)}` },
    });
    expect(res.status).toBe(200);
    const { data } = await res.json<LordStatusResponse>();
    expect(data.performance.by_capability.raise_alert?.successes).toBeGreaterThanOrEqual(1);
    expect(data.state.counters.alerts_raised).toBeGreaterThanOrEqual(1);
    const decision = data.state.recent_decisions.find((entry) => entry.name === "raise_alert");
    expect(decision?.event_types).toEqual(["alert.created"]);

    const [row] = await sql<{ sequence: string }[]>`
      select sequence::text from public.events where workspace_id = ${workspaceId} and payload->>'marker' = ${tag}`;
    expect(row).toBeDefined();
    expect(decision?.event_ids).toContain(Number(row?.sequence));
    expect(await sql`select 1 from public.alerts where title = ${tag}`).toHaveLength(1);

    // A client that missed the broadcast gets the acknowledged event by replay.
    const socket = await connect(workspaceId, "/ws/lords/seer", {
      token: await tokenFor(USERS.victor),
      lastEventId: Number(row?.sequence) - 1,
    });
    open.push(socket);
    expect((await socket.next(isMarkedEvent(tag))).event_id).toBe(Number(row?.sequence));
  });
});
