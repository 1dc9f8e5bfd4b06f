import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ManageSubscribersResult } from "../../../../durable-objects/lords/herald/manage-subscribers.ts";
import type { ServerFrame } from "../../../../shared/events/protocol.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { connect, recordAndPublish, settle, type TestSocket, tokenFor } from "../../lords-runtime/helpers.ts";
import { dropWorkspaces, eventsOf, eventually, herald, heraldWorkspace, publishedFor } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let theirs: string;
beforeAll(async () => {
  [ws, theirs] = await Promise.all([heraldWorkspace(sql), heraldWorkspace(sql)]);
});
afterAll(async () => {
  await dropWorkspaces(sql, [ws, theirs]);
});
const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

type Managed = { data: ManageSubscribersResult };
type EventFrame = Extract<ServerFrame, { type: "event" }>;

interface NotificationRow {
  id: string;
  user_id: string;
  channel: string;
  status: string;
  subject: string | null;
  body: string;
  event_id: string | null;
  data: Record<string, unknown>;
}

const notificationsFor = (eventId: string) =>
  sql<NotificationRow[]>`
    select id, user_id, channel, status, subject, body, event_id, data from public.notifications
    where workspace_id = ${ws} and event_id = ${eventId} order by user_id, channel`;

describe("subscribers", () => {
  it("happy: register, list, re-register with new filters, unregister; rows and subscription.changed events", async () => {
    const registered = await call<Managed>(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: { user_id: USERS.ana.id, topics: ["alert.created", "campaign.*"], channels: ["in_app", "email"] },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.data).toMatchObject({ action: "register", user_id: USERS.ana.id });
    expect(registered.body.data.subscriptions).toHaveLength(4);

    const again = await call<Managed>(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: {
        user_id: USERS.ana.id,
        topics: ["alert.created"],
        channels: ["email"],
        filters: { severity: "critical" },
      },
    });
    expect(again.body.data.subscriptions).toEqual([
      expect.objectContaining({
        topic: "alert.created",
        channel: "email",
        is_active: true,
        filters: { severity: "critical" },
      }),
    ]);

    const listed = await call<{ data: { items: { topic: string; channel: string }[] } }>(
      USERS.victor,
      herald(ws, `/subscribers?user_id=${USERS.ana.id}&active=true`),
    );
    expect(listed.status).toBe(200);
    // RLS: a viewer sees only their own subscriptions.
    expect(listed.body.data.items).toEqual([]);
    const operatorList = await call<{ data: { items: { topic: string; channel: string }[] } }>(
      USERS.oliver,
      herald(ws, `/subscribers?user_id=${USERS.ana.id}&active=true&channel=email`),
    );
    expect(operatorList.body.data.items.map((item) => item.topic).sort()).toEqual(["alert.created", "campaign.*"]);

    const removed = await call<Managed>(USERS.oliver, herald(ws, "/subscribers/unregister"), {
      body: { user_id: USERS.ana.id, topics: ["campaign.*"], channels: ["in_app", "email"] },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.data.subscriptions.map((row) => row.is_active)).toEqual([false, false]);
    const [active] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.subscriptions where workspace_id = ${ws} and user_id = ${USERS.ana.id} and is_active`;
    expect(active?.n).toBe(2);

    const changes = await eventsOf(sql, ws, ["subscription.changed"]);
    expect(changes.map((event) => [event.payload.action, event.payload.changed])).toEqual([
      ["register", 4],
      ["register", 1],
      ["unregister", 2],
    ]);
  });

  it("error: 400 names unknown topics, bad channels, stray fields and non-members", async () => {
    const badTopic = await call<ErrorBody>(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: { topics: ["campaign.exploded"], channels: ["in_app"] },
    });
    expect(badTopic.status).toBe(400);
    expect(badTopic.body.details[0]?.field).toBe("topics.0");

    const badChannel = await call<ErrorBody>(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: { topics: ["guild_heart"], channels: ["pigeon"] },
    });
    expect(badChannel.body.details[0]?.field).toBe("channels.0");

    const stray = await call<ErrorBody>(USERS.oliver, herald(ws, "/subscribers/unregister"), {
      body: { topics: ["campaign.*"], channels: ["in_app"], filters: {} },
    });
    expect(stray.status).toBe(400);
    expect(stray.body.details[0]?.field).toBe("filters");

    const stranger = await call<ErrorBody>(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: { user_id: USERS.gina.id, topics: ["campaign.*"], channels: ["in_app"] },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.details).toEqual([{ field: "user_id", message: "is not a member of this workspace" }]);
  });

  it("security: a viewer cannot register (403); another workspace's member gets 404", async () => {
    const viewer = await call(USERS.victor, herald(ws, "/subscribers/register"), {
      body: { topics: ["campaign.*"], channels: ["in_app"] },
    });
    expect(viewer.status).toBe(403);
    const stranger = await call(USERS.gina, herald(ws, "/subscribers"));
    expect(stranger.status).toBe(404);
  });
});

describe("notify_subscribers reaction", () => {
  it("notifies subscribers of a chosen event (type, wildcard or channel; filters matched), once per member and channel", async () => {
    await call(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: {
        user_id: USERS.victor.id,
        topics: ["conflict.resolved", "conflicts_channel"],
        channels: ["in_app", "email"],
      },
    });
    await call(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: { user_id: USERS.alice.id, topics: ["conflict.*"], channels: ["in_app"], filters: { case_id: "c-1" } },
    });

    const event = await recordAndPublish(sql, USERS.oliver, ws, "conflict.resolved", {
      case_id: "c-2",
      ruling: "Split <evenly> & move on",
      stakes: 1200,
    });
    const rows = await eventually(async () => {
      const found = await notificationsFor(event.id);
      return found.length === 2 ? found : undefined;
    });
    // Alice's filter (case c-1) does not match; Victor's two topics give one notification per channel.
    expect(rows.map((row) => [row.user_id, row.channel, row.status])).toEqual([
      [USERS.victor.id, "email", "queued"],
      [USERS.victor.id, "in_app", "delivered"],
    ]);
    expect(rows[1]).toMatchObject({
      subject: "Conflict resolved",
      body: "Conflict resolved: ruling: Split &lt;evenly&gt; &amp; move on; stakes: 1200",
      data: expect.objectContaining({ event_type: "conflict.resolved", topic: "conflict.resolved" }),
    });
    const sent = (await eventsOf(sql, ws, ["notification.sent"])).filter(
      (row) => row.payload.caused_by === event.sequence,
    );
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ lord: "herald", actor_id: null });
    const email = rows.find((row) => row.channel === "email");
    expect(await publishedFor(email?.id ?? "")).toHaveLength(1);

    // A filter that matches notifies Alice too; the same event redelivered notifies nobody twice.
    const matching = await recordAndPublish(sql, USERS.oliver, ws, "conflict.registered", { case_id: "c-1" });
    const aliceRows = await eventually(async () => {
      const found = (await notificationsFor(matching.id)).filter((row) => row.user_id === USERS.alice.id);
      return found.length === 1 ? found : undefined;
    });
    expect(aliceRows[0]).toMatchObject({ channel: "in_app", subject: "Conflict registered" });
    await recordAndPublish(sql, USERS.oliver, ws, "campaign.created", { name: "no subscribers here" });
    await settle(300);
    expect(await notificationsFor(event.id)).toHaveLength(2);
  });

  it("words the notification with the workspace's template named after the event type", async () => {
    const template = await call<{ data: { id: string } }>(USERS.oliver, herald(ws, "/templates/create"), {
      body: {
        name: "alert.created",
        channel: "in_app",
        subject: "Alert: {{title}}",
        body: "<p>{{title}} ({{severity}}) at {{occurred_at}}</p>",
        variables: [
          { name: "title", type: "string" },
          { name: "severity", type: "string" },
          { name: "occurred_at", type: "date", style: "datetime" },
        ],
      },
    });
    expect(template.status).toBe(201);
    await call(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: { user_id: USERS.oliver.id, topics: ["alert.created"], channels: ["in_app"] },
    });
    const event = await recordAndPublish(sql, USERS.alice, ws, "alert.created", {
      title: "Budget <90%>",
      severity: "warning",
    });
    const [row] = await eventually(async () => {
      const found = (await notificationsFor(event.id)).filter((item) => item.user_id === USERS.oliver.id);
      return found.length === 1 ? found : undefined;
    });
    expect(row?.subject).toBe("Alert: Budget <90%>");
    expect(row?.body).toMatch(/^<p>Budget &lt;90%&gt; \(warning\) at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC<\/p>$/);
  });

  it("socket: a subscriber's in-app notification.sent reaches the recipient's sockets only, not another member's or workspace's", async () => {
    await call(USERS.oliver, herald(ws, "/subscribers/register"), {
      body: { user_id: USERS.ana.id, topics: ["intelligence.gathered"], channels: ["in_app"] },
    });
    const socket = await connect(ws, "/ws/workspace", { token: await tokenFor(USERS.ana) });
    const heraldSocket = await connect(ws, "/ws/lords/herald", { token: await tokenFor(USERS.victor) });
    const outsider = await connect(theirs, "/ws/workspace", { token: await tokenFor(USERS.ana) });
    open.push(socket, heraldSocket, outsider);

    const event = await recordAndPublish(sql, USERS.oliver, ws, "intelligence.gathered", { topic: "pricing" });
    const isNotice = (frame: ServerFrame): frame is EventFrame =>
      frame.type === "event" && frame.event === "notification.sent" && frame.data.caused_by === event.sequence;
    for (const client of [socket]) {
      const frame = await client.next(isNotice);
      expect(frame).toMatchObject({
        lord: "herald",
        data: {
          recipient_id: USERS.ana.id,
          channel: "in_app",
          status: "delivered",
          event_type: "intelligence.gathered",
        },
      });
      expect(frame.data).not.toHaveProperty("body");
    }
    await settle();
    expect(outsider.frames.filter((frame) => frame.type === "event")).toEqual([]);
    // Victor watches the Herald's channel but is not the recipient: Ana's notification is not his.
    expect(heraldSocket.frames.filter(isNotice)).toEqual([]);
  });

  it("socket: a direct send reaches each recipient's own socket with their notification only", async () => {
    const victor = await connect(ws, "/ws/workspace", { token: await tokenFor(USERS.victor) });
    const ana = await connect(ws, "/ws/workspace", { token: await tokenFor(USERS.ana) });
    open.push(victor, ana);
    const res = await call<{ data: { notifications: { id: string; user_id: string }[] } }>(
      USERS.oliver,
      herald(ws, "/notify/send"),
      { body: { recipients: [USERS.victor.id, USERS.ana.id], channels: ["in_app"], body: "socket check" } },
    );
    expect(res.status).toBe(201);
    const ids = res.body.data.notifications.map((n) => n.id);
    const idFor = (userId: string) => res.body.data.notifications.find((n) => n.user_id === userId)?.id;
    for (const [client, user] of [
      [victor, USERS.victor],
      [ana, USERS.ana],
    ] as const) {
      const frames = await eventually(async () => {
        const found = client.frames.filter(
          (frame): frame is EventFrame => frame.type === "event" && ids.includes(String(frame.data.notification_id)),
        );
        return found.length >= 1 ? found : undefined;
      });
      await settle();
      const received = client.frames.filter(
        (frame): frame is EventFrame => frame.type === "event" && ids.includes(String(frame.data.notification_id)),
      );
      expect(frames.length).toBeGreaterThan(0);
      expect(received.map((frame) => frame.data.notification_id)).toEqual([idFor(user.id)]);
      expect(received[0]?.data.recipient_id).toBe(user.id);
    }
  });
});
