import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SendNotificationResult } from "../../../../durable-objects/lords/herald/send-notification.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { dropWorkspaces, eventsOf, herald, heraldWorkspace, publishedFor } from "./fixtures.ts";

const sql = testSql();
let ws: string;
let theirs: string;
beforeAll(async () => {
  [ws, theirs] = await Promise.all([heraldWorkspace(sql), heraldWorkspace(sql)]);
});
afterAll(async () => {
  await dropWorkspaces(sql, [ws, theirs]);
});

type Sent = { status: "success"; data: SendNotificationResult };

describe("POST /lords/herald/notify/send", () => {
  it("happy: stores in-app and email notifications with log rows and events, and queues the email on QStash", async () => {
    const res = await call<Sent>(USERS.oliver, herald(ws, "/notify/send"), {
      body: {
        recipients: [USERS.ana.id, USERS.victor.id],
        channels: ["in_app", "email"],
        subject: "Launch <today>",
        body: "Tom & Jerry's campaign is live",
        priority: "high",
        data: { campaign: "spring" },
      },
    });
    expect(res.status).toBe(201);
    const { notifications, deliveries } = res.body.data;
    expect(notifications).toHaveLength(4);
    expect(deliveries).toMatchObject({ queued: 2, failed: 0 });
    expect(deliveries.message_ids).toHaveLength(2);

    const rows = await sql<
      {
        id: string;
        user_id: string;
        channel: string;
        status: string;
        body: string;
        subject: string;
        priority: string;
        sent_at: Date | null;
      }[]
    >`
      select id, user_id, channel, status, body, subject, priority, sent_at from public.notifications
      where workspace_id = ${ws} and id in ${sql(notifications.map((n) => n.id))} order by user_id, channel`;
    expect(rows.map((row) => [row.user_id, row.channel, row.status])).toEqual([
      [USERS.ana.id, "email", "queued"],
      [USERS.ana.id, "in_app", "delivered"],
      [USERS.victor.id, "email", "queued"],
      [USERS.victor.id, "in_app", "delivered"],
    ]);
    // The raw text is escaped for each channel as a template value would be (HTML for both here).
    expect(rows[0]).toMatchObject({
      body: "Tom &amp; Jerry&#39;s campaign is live",
      subject: "Launch <today>",
      priority: "high",
    });
    expect(rows.find((row) => row.channel === "in_app")?.sent_at).toBeInstanceOf(Date);

    const log = await sql<
      {
        notification_id: string;
        channel: string;
        status: string;
        kind: string;
        recipient: string;
        provider: string | null;
      }[]
    >`
      select notification_id, channel, status, kind, recipient, provider from public.communication_log
      where workspace_id = ${ws} and notification_id in ${sql(notifications.map((n) => n.id))}`;
    expect(log).toHaveLength(4);
    for (const entry of log) {
      expect(entry.kind).toBe("notification");
      expect(entry.status).toBe(entry.channel === "in_app" ? "delivered" : "sent");
      expect(entry.provider).toBe(entry.channel === "in_app" ? "in_app" : null);
      expect(entry.recipient).toMatch(/^user:/);
    }

    const events = (await eventsOf(sql, ws, ["notification.sent"])).filter((event) =>
      notifications.some((n) => n.id === event.payload.notification_id),
    );
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({ lord: "herald", actor_id: USERS.oliver.id });
    expect(events[0]?.payload).not.toHaveProperty("body");

    const email = notifications.find((n) => n.channel === "email" && n.user_id === USERS.ana.id);
    const published = await publishedFor(email?.id ?? "");
    expect(published).toEqual([
      {
        url: `${env.PUBLIC_BASE_URL}/internal/herald/deliver`,
        body: { workspace_id: ws, notification_id: email?.id, request_id: expect.any(String) },
      },
    ]);
  });

  it("happy: a template renders with each channel's own sibling and escaping", async () => {
    const create = (channel: string, body: string) =>
      call<{ data: { id: string } }>(USERS.oliver, herald(ws, "/templates/create"), {
        body: {
          name: "launch-notice",
          channel,
          subject: "{{campaign}} is live",
          body,
          variables: [
            { name: "campaign", type: "string" },
            { name: "budget", type: "number" },
          ],
        },
      });
    const inApp = await create("in_app", "<b>{{campaign}}</b> launched with {{budget}}");
    const sms = await create("sms", "{{campaign}} launched, budget {{budget}}");
    expect([inApp.status, sms.status]).toEqual([201, 201]);

    const res = await call<Sent>(USERS.oliver, herald(ws, "/notify/send"), {
      body: {
        recipients: [USERS.alice.id],
        channels: ["in_app", "sms"],
        template_id: inApp.body.data.id,
        variables: { campaign: "A<B", budget: 1200 },
      },
    });
    expect(res.status).toBe(201);
    const rows = await sql<{ channel: string; body: string; subject: string | null; template_id: string }[]>`
      select channel, body, subject, template_id from public.notifications
      where id in ${sql(res.body.data.notifications.map((n) => n.id))} order by channel`;
    expect(rows).toEqual([
      {
        channel: "in_app",
        body: "<b>A&lt;B</b> launched with 1200",
        subject: "A<B is live",
        template_id: inApp.body.data.id,
      },
      { channel: "sms", body: "A<B launched, budget 1200", subject: null, template_id: sms.body.data.id },
    ]);
  });

  it("error: 400 naming the field for bad input, missing variables and non-members", async () => {
    const noChannels = await call<ErrorBody>(USERS.oliver, herald(ws, "/notify/send"), {
      body: { recipients: [USERS.ana.id], channels: [], body: "hi" },
    });
    expect(noChannels.status).toBe(400);
    expect(noChannels.body.details).toContainEqual(expect.objectContaining({ field: "channels" }));

    const both = await call<ErrorBody>(USERS.oliver, herald(ws, "/notify/send"), {
      body: { recipients: [USERS.ana.id], channels: ["in_app"] },
    });
    expect(both.status).toBe(400);
    expect(both.body.details).toContainEqual(expect.objectContaining({ field: "body" }));

    const template = await call<{ data: { id: string } }>(USERS.oliver, herald(ws, "/templates/create"), {
      body: {
        name: "needs-vars",
        channel: "email",
        body: "{{who}} {{when}}",
        variables: [
          { name: "who", type: "string" },
          { name: "when", type: "date" },
        ],
      },
    });
    const missing = await call<ErrorBody>(USERS.oliver, herald(ws, "/notify/send"), {
      body: {
        recipients: [USERS.ana.id],
        channels: ["email"],
        template_id: template.body.data.id,
        variables: { when: "soon" },
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([
      { field: "variables.who", message: "is required but missing" },
      { field: "variables.when", message: 'expected date, got string "soon"' },
    ]);

    const outsider = await call<ErrorBody>(USERS.oliver, herald(ws, "/notify/send"), {
      body: { recipients: [USERS.ana.id, USERS.gina.id], channels: ["in_app"], body: "hi" },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.details).toEqual([{ field: "recipients.1", message: "is not a member of this workspace" }]);
  });

  it("security: a viewer may not send (403), another workspace's member gets 404, nothing is stored", async () => {
    const before = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.notifications where workspace_id = ${ws}`;
    const viewer = await call<ErrorBody>(USERS.victor, herald(ws, "/notify/send"), {
      body: { recipients: [USERS.ana.id], channels: ["in_app"], body: "hi" },
    });
    expect(viewer.status).toBe(403);
    const stranger = await call<ErrorBody>(USERS.gina, herald(ws, "/notify/send"), {
      body: { recipients: [USERS.ana.id], channels: ["in_app"], body: "hi" },
    });
    expect(stranger.status).toBe(404);
    const after = await sql<
      { n: number }[]
    >`select count(*)::int as n from public.notifications where workspace_id = ${ws}`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("a template of another workspace is not found", async () => {
    const foreign = await call<{ data: { id: string } }>(USERS.oliver, herald(theirs, "/templates/create"), {
      body: { name: "theirs", channel: "in_app", body: "hello" },
    });
    expect(foreign.status).toBe(201);
    const res = await call<ErrorBody>(USERS.oliver, herald(ws, "/notify/send"), {
      body: { recipients: [USERS.ana.id], channels: ["in_app"], template_id: foreign.body.data.id },
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("TEMPLATE_NOT_FOUND");
  });
});

describe("GET /lords/herald/notifications", () => {
  it("lists the caller's own notifications; RLS keeps others' from a viewer", async () => {
    await call(USERS.oliver, herald(ws, "/notify/send"), {
      body: { recipients: [USERS.victor.id, USERS.ana.id], channels: ["in_app"], body: "inbox check" },
    });
    const mine = await call<{ data: { items: { user_id: string; body: string }[] } }>(
      USERS.victor,
      herald(ws, "/notifications?channel=in_app"),
    );
    expect(mine.status).toBe(200);
    expect(mine.body.data.items.length).toBeGreaterThan(0);
    expect(mine.body.data.items.every((item) => item.user_id === USERS.victor.id)).toBe(true);

    const peek = await call<{ data: { items: unknown[] } }>(
      USERS.victor,
      herald(ws, `/notifications?user_id=${USERS.ana.id}`),
    );
    expect(peek.body.data.items).toEqual([]);
    const operator = await call<{ data: { items: unknown[] } }>(
      USERS.oliver,
      herald(ws, `/notifications?user_id=${USERS.ana.id}`),
    );
    expect(operator.body.data.items.length).toBeGreaterThan(0);

    const bad = await call<ErrorBody>(USERS.victor, herald(ws, "/notifications?status=lost"));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]?.field).toBe("status");
  });
});
