import { env } from "cloudflare:test";
import { Redis } from "@upstash/redis/cloudflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SendNotificationResult } from "../../../../durable-objects/lords/herald/send-notification.ts";
import { readOutbox } from "../../../../shared/herald/outbox.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { deliver, dropWorkspaces, eventsOf, herald, heraldWorkspace } from "./fixtures.ts";

const sql = testSql();
const redis = new Redis({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
let ws: string;
beforeAll(async () => {
  ws = await heraldWorkspace(sql);
});
afterAll(async () => {
  await dropWorkspaces(sql, [ws]);
});

/** Sends a raw message to one member on one channel; returns the notification id. */
async function send(recipient: string, channel: string, body = "Deliver me <now>"): Promise<string> {
  const res = await call<{ data: SendNotificationResult }>(USERS.oliver, herald(ws, "/notify/send"), {
    body: { recipients: [recipient], channels: [channel], subject: "Herald test", body },
  });
  expect(res.status).toBe(201);
  const id = res.body.data.notifications[0]?.id;
  if (!id) throw new Error("no notification");
  return id;
}

const notification = async (id: string) =>
  (
    await sql<{ status: string; error: string | null; sent_at: Date | null }[]>`
      select status, error, sent_at from public.notifications where id = ${id}`
  )[0];
const logOf = async (id: string) =>
  (
    await sql<
      {
        status: string;
        provider: string | null;
        provider_message_id: string | null;
        recipient: string;
        error: string | null;
      }[]
    >`
      select status, provider, provider_message_id, recipient, error from public.communication_log where notification_id = ${id}`
  )[0];

describe("POST /internal/herald/deliver", () => {
  it("happy: delivers an email to the local outbox and records delivered, provider and event", async () => {
    const id = await send(USERS.ana.id, "email");
    const res = await deliver("/internal/herald/deliver", { workspace_id: ws, notification_id: id });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { kind: string; provider: string; provider_message_id: string } };
    expect(data).toMatchObject({ kind: "delivered", provider: "local_outbox" });

    expect(await notification(id)).toMatchObject({ status: "delivered", error: null, sent_at: expect.any(Date) });
    expect(await logOf(id)).toEqual({
      status: "delivered",
      provider: "local_outbox",
      provider_message_id: data.provider_message_id,
      recipient: USERS.ana.email,
      error: null,
    });
    const outbox = await readOutbox(redis, ws, 10);
    expect(outbox.find((entry) => entry.notification_id === id)).toMatchObject({
      channel: "email",
      to: USERS.ana.email,
      subject: "Herald test",
      body: "Deliver me &lt;now&gt;",
    });
    const events = (await eventsOf(sql, ws, ["notification.delivered"])).filter(
      (event) => event.payload.notification_id === id,
    );
    expect(events).toEqual([
      {
        event_type: "notification.delivered",
        lord: "herald",
        actor_id: null,
        payload: expect.objectContaining({ channel: "email", provider: "local_outbox", recipient_id: USERS.ana.id }),
      },
    ]);

    // The outbox route lists it for local runs.
    const listed = await call<{ data: { items: { notification_id: string }[] } }>(
      USERS.victor,
      herald(ws, "/outbox?limit=5"),
    );
    expect(listed.status).toBe(200);
    expect(listed.body.data.items.map((item) => item.notification_id)).toContain(id);
  });

  it("a duplicate delivery sends nothing twice", async () => {
    const id = await send(USERS.alice.id, "slack", "*bold* & <b>");
    const first = await deliver("/internal/herald/deliver", { workspace_id: ws, notification_id: id });
    const second = await deliver("/internal/herald/deliver", { workspace_id: ws, notification_id: id });
    expect((await first.json()) as unknown).toMatchObject({ data: { kind: "delivered" } });
    expect((await second.json()) as unknown).toMatchObject({ data: { kind: "skipped", reason: "already delivered" } });
    const outbox = (await readOutbox(redis, ws, 50)).filter((entry) => entry.notification_id === id);
    expect(outbox).toHaveLength(1);
    // Slack gets mrkdwn escaping and the member's display name (no Slack id on the profile).
    expect(outbox[0]).toMatchObject({ to: "Alice Admin", body: "*bold* &amp; &lt;b&gt;" });
  });

  it("a member without a phone number fails permanently: failed status, error and notification.failed", async () => {
    const id = await send(USERS.victor.id, "sms");
    const res = await deliver("/internal/herald/deliver", { workspace_id: ws, notification_id: id });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      data: { kind: "failed", error: "the recipient has no phone number in E.164 form" },
    });
    expect(await notification(id)).toMatchObject({
      status: "failed",
      error: "the recipient has no phone number in E.164 form",
    });
    expect(await logOf(id)).toMatchObject({
      status: "failed",
      error: "the recipient has no phone number in E.164 form",
    });
    const failed = (await eventsOf(sql, ws, ["notification.failed"])).filter(
      (event) => event.payload.notification_id === id,
    );
    expect(failed).toHaveLength(1);
  });

  it("with a phone number on file, SMS is delivered to a masked recipient in the log", async () => {
    await sql`update auth.users set phone = '15551234567' where id = ${USERS.ana.id}`;
    try {
      const id = await send(USERS.ana.id, "sms", "Plain text & symbols <ok>");
      const res = await deliver("/internal/herald/deliver", { workspace_id: ws, notification_id: id });
      expect(await res.json()).toMatchObject({ data: { kind: "delivered" } });
      expect((await logOf(id))?.recipient).toBe("+15••••••567");
      const entry = (await readOutbox(redis, ws, 50)).find((item) => item.notification_id === id);
      expect(entry).toMatchObject({ to: "+15551234567", body: "Plain text & symbols <ok>", subject: null });
    } finally {
      await sql`update auth.users set phone = null where id = ${USERS.ana.id}`;
    }
  });

  it("the failure callback records a delivery QStash gave up on, once", async () => {
    const id = await send(USERS.ana.id, "email");
    const sourceBody = btoa(JSON.stringify({ workspace_id: ws, notification_id: id }));
    const res = await deliver("/internal/herald/deliver/failed", { sourceBody, status: 500 });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { kind: "failed", error: "delivery retries exhausted" } });
    expect(await notification(id)).toMatchObject({ status: "failed" });
    const again = await deliver("/internal/herald/deliver/failed", { sourceBody });
    expect(await again.json()).toMatchObject({ data: { kind: "skipped" } });
    // A late delivery of a failed notification does nothing either.
    const late = await deliver("/internal/herald/deliver", { workspace_id: ws, notification_id: id });
    expect(await late.json()).toMatchObject({ data: { kind: "skipped", reason: "already failed" } });
  });

  it("security: unsigned or tampered deliveries are 401 and change nothing; a malformed body is 400", async () => {
    const id = await send(USERS.ana.id, "email");
    const body = { workspace_id: ws, notification_id: id };
    const unsigned = await deliver("/internal/herald/deliver", body, { unsigned: true });
    expect(unsigned.status).toBe(401);
    const tampered = await deliver("/internal/herald/deliver", body, {
      signedBody: JSON.stringify({ workspace_id: ws, notification_id: crypto.randomUUID() }),
    });
    expect(tampered.status).toBe(401);
    expect(await notification(id)).toMatchObject({ status: "queued" });

    const malformed = await deliver("/internal/herald/deliver", { workspace_id: ws, notification_id: "nope" });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).details[0]?.field).toBe("notification_id");

    // Another workspace's id for the notification: nothing matches, nothing is sent.
    const wrongWorkspace = await deliver("/internal/herald/deliver", {
      workspace_id: crypto.randomUUID(),
      notification_id: id,
    });
    expect(await wrongWorkspace.json()).toMatchObject({ data: { kind: "skipped", reason: "no such notification" } });
    expect(await notification(id)).toMatchObject({ status: "queued" });
  });
});
