import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AgentsClient, ALICE, agentsClient, eventually, OLIVER } from "./agents-support.ts";
import { EventSocket, tokenFor } from "./council-support.ts";
import { type Harness, startHarness } from "./harness.ts";

// The Herald's whole delivery loop through the local QStash: API → notification committed →
// signed delivery back to this Worker → provider adapter (the local outbox) → status recorded →
// events on the workspace socket.
let harness: Harness;
let client: AgentsClient;
let base: string;

beforeAll(async () => {
  harness = await startHarness({ name: `e2e_council_herald_${process.pid}` });
  client = await agentsClient(harness);
  base = `/api/workspaces/${client.workspace}/lords/herald`;
});

afterAll(async () => {
  await client?.close();
  await harness?.dispose();
});

interface Row {
  id: string;
  channel: string;
  status: string;
}

describe("herald end to end", () => {
  it("happy: an email is delivered through QStash to the outbox, recorded, and every step reaches the socket in order", async () => {
    const socket = await EventSocket.open(harness, client.workspace, await tokenFor(harness, ALICE));
    try {
      const sent = await client.api<{ data: { notifications: Row[]; deliveries: { queued: number } } }>(
        OLIVER,
        `${base}/notify/send`,
        { recipients: [ALICE.id], channels: ["in_app", "email"], subject: "Launch day", body: "We go live at 9 <UTC>" },
      );
      expect(sent.status).toBe(201);
      expect(sent.body.data.deliveries.queued).toBe(1);
      const email = sent.body.data.notifications.find((row) => row.channel === "email");
      const inApp = sent.body.data.notifications.find((row) => row.channel === "in_app");

      const [delivered] = await eventually(async () => {
        const rows = await client.sql<
          Row[]
        >`select id, channel, status from public.notifications where id = ${email?.id ?? ""}`;
        return rows[0]?.status === "delivered" ? rows : undefined;
      });
      expect(delivered).toMatchObject({ status: "delivered" });

      const outbox = await client.api<{ data: { items: { notification_id: string; to: string; body: string }[] } }>(
        ALICE,
        `${base}/outbox`,
      );
      expect(outbox.body.data.items).toEqual([
        expect.objectContaining({ notification_id: email?.id, to: ALICE.email, body: "We go live at 9 &lt;UTC&gt;" }),
      ]);
      const log = await client.api<{
        data: { items: { notification_id: string; status: string; provider: string }[] };
      }>(ALICE, `${base}/communications/log?channel=email`);
      expect(log.body.data.items).toEqual([
        expect.objectContaining({ notification_id: email?.id, status: "delivered", provider: "local_outbox" }),
      ]);

      await socket.next((frame) => frame.event === "notification.delivered");
      const steps = socket
        .events()
        .filter((frame) => frame.event.startsWith("notification."))
        .map((frame) => [frame.event, frame.data.notification_id]);
      expect(steps).toEqual([
        ["notification.sent", inApp?.id],
        ["notification.sent", email?.id],
        ["notification.delivered", email?.id],
      ]);
    } finally {
      socket.close();
    }
  });

  it("happy: a subscriber is emailed about the event they chose when another part of the system publishes it", async () => {
    const registered = await client.api(OLIVER, `${base}/subscribers/register`, {
      user_id: ALICE.id,
      topics: ["campaign.created"],
      channels: ["email"],
    });
    expect(registered.status).toBe(201);
    const campaign = await client.api<{ id: string }>(OLIVER, `/api/workspaces/${client.workspace}/campaigns`, {
      name: "Herald e2e launch",
      objective_type: "awareness",
    });
    expect(campaign.status).toBe(201);

    const row = await eventually(async () => {
      const [found] = await client.sql<(Row & { subject: string; body: string })[]>`
        select n.id, n.channel, n.status, n.subject, n.body from public.notifications n
        join public.events e on e.id = n.event_id
        where n.workspace_id = ${client.workspace} and e.event_type = 'campaign.created' and n.user_id = ${ALICE.id}`;
      return found?.status === "delivered" ? found : undefined;
    });
    expect(row).toMatchObject({ channel: "email", subject: "Campaign created" });
    expect(row.body).toContain("name: Herald e2e launch");
  });
});
