import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BroadcastResult } from "../../../../durable-objects/lords/herald/broadcast-event.ts";
import type { CommunicationLogRow } from "../../../../shared/db/rows.generated.ts";
import { call, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS } from "../../../helpers/db.ts";
import { eventsOf, herald } from "./fixtures.ts";

const sql = testSql();
// An organization of this file's own, so an organization-wide broadcast reaches only its workspaces.
const org = crypto.randomUUID();
let ws: string;
let sibling: string;
let watched: string;

async function workspace(label: string, members: [string, string][]): Promise<string> {
  const id = crypto.randomUUID();
  await sql`insert into public.workspaces (id, organization_id, name, slug, plan)
            values (${id}, ${org}, ${label}, ${`herald-${label}-${id.slice(0, 8)}`}, 'enterprise')`;
  for (const [user, role] of members) {
    await sql`insert into public.workspace_members (workspace_id, user_id, role) values (${id}, ${user}, ${role})`;
  }
  return id;
}

beforeAll(async () => {
  await sql`insert into public.organizations (id, name, slug, owner_id)
            values (${org}, 'Herald broadcast org', ${`herald-org-${org.slice(0, 8)}`}, ${USERS.alice.id})`;
  ws = await workspace("main", [
    [USERS.alice.id, "admin"],
    [USERS.oliver.id, "lord_operator"],
    [USERS.ana.id, "analyst"],
    [USERS.victor.id, "viewer"],
  ]);
  sibling = await workspace("sibling", [
    [USERS.bruno.id, "admin"],
    [USERS.oliver.id, "lord_operator"],
    [USERS.nina.id, "viewer"],
  ]);
  // Oliver only watches this one: an organization-wide broadcast must not reach it.
  watched = await workspace("watched", [
    [USERS.gina.id, "admin"],
    [USERS.oliver.id, "viewer"],
  ]);
});
afterAll(async () => {
  await sql`delete from public.organizations where id = ${org}`;
});

type Broadcast = { data: BroadcastResult };

describe("POST /lords/herald/broadcast/send", () => {
  it("happy: every member of the workspace gets an in-app notification logged as a broadcast, one broadcast.sent", async () => {
    const res = await call<Broadcast>(USERS.oliver, herald(ws, "/broadcast/send"), {
      body: { subject: "Town hall", body: "Friday at 5 <sharp>", priority: "high" },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      scope: "workspace",
      workspaces: [ws],
      recipients: 4,
      notifications: 4,
      deliveries: { queued: 0, failed: 0 },
    });
    const broadcastId = res.body.data.broadcast_id;
    const rows = await sql<
      { user_id: string; channel: string; status: string; body: string; data: { broadcast_id: string } }[]
    >`
      select user_id, channel, status, body, data from public.notifications
      where workspace_id = ${ws} and data ->> 'broadcast_id' = ${broadcastId} order by user_id`;
    expect(rows.map((row) => row.user_id)).toEqual([USERS.alice.id, USERS.oliver.id, USERS.ana.id, USERS.victor.id]);
    expect(rows.every((row) => row.channel === "in_app" && row.status === "delivered")).toBe(true);
    expect(rows[0]?.body).toBe("Friday at 5 &lt;sharp&gt;");
    const [log] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.communication_log where workspace_id = ${ws} and kind = 'broadcast'`;
    expect(log?.n).toBe(4);
    const events = (await eventsOf(sql, ws, ["broadcast.sent"])).filter(
      (event) => event.payload.broadcast_id === broadcastId,
    );
    expect(events).toEqual([
      {
        event_type: "broadcast.sent",
        lord: "herald",
        actor_id: USERS.oliver.id,
        payload: expect.objectContaining({ scope: "workspace", subject: "Town hall", recipients: 4, notifications: 4 }),
      },
    ]);
  });

  it("happy: roles narrow the audience and external channels are queued", async () => {
    const res = await call<Broadcast>(USERS.oliver, herald(ws, "/broadcast/send"), {
      body: { body: "Operators only", roles: ["admin", "lord_operator"], channels: ["in_app", "email"] },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ recipients: 2, notifications: 4, deliveries: { queued: 2, failed: 0 } });
  });

  it("happy: organization scope reaches every workspace of the organization the caller operates, each with its own event", async () => {
    const res = await call<Broadcast>(USERS.oliver, herald(ws, "/broadcast/send"), {
      body: { subject: "Org update", body: "New quarter", scope: "organization" },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      scope: "organization",
      workspaces: [ws, sibling],
      recipients: 7,
      notifications: 7,
    });
    const broadcastId = res.body.data.broadcast_id;
    const perWorkspace = await sql<{ workspace_id: string; n: number }[]>`
      select workspace_id, count(*)::int as n from public.notifications
      where data ->> 'broadcast_id' = ${broadcastId} group by workspace_id`;
    expect(Object.fromEntries(perWorkspace.map((row) => [row.workspace_id, row.n]))).toEqual({ [ws]: 4, [sibling]: 3 });
    const siblingEvents = (await eventsOf(sql, sibling, ["broadcast.sent"])).filter(
      (event) => event.payload.broadcast_id === broadcastId,
    );
    expect(siblingEvents).toEqual([
      {
        event_type: "broadcast.sent",
        lord: "herald",
        actor_id: USERS.oliver.id,
        payload: expect.objectContaining({ origin_workspace_id: ws, recipients: 3 }),
      },
    ]);
    const [untouched] = await sql<{ n: number }[]>`
      select count(*)::int as n from public.notifications where workspace_id = ${watched}`;
    expect(untouched?.n).toBe(0);
  });

  it("error: 400 names bad fields; 422 when no member holds the roles", async () => {
    const bad = await call<ErrorBody>(USERS.oliver, herald(ws, "/broadcast/send"), {
      body: { body: "x", scope: "galaxy", roles: ["emperor"] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((detail) => detail.field).sort()).toEqual(["roles.0", "scope"]);
    const nobody = await call<ErrorBody>(USERS.oliver, herald(sibling, "/broadcast/send"), {
      body: { body: "x", roles: ["analyst"] },
    });
    expect(nobody.status).toBe(422);
    expect(nobody.body.details[0]?.field).toBe("roles");
  });

  it("security: a viewer may not broadcast (403); a non-member gets 404", async () => {
    expect((await call(USERS.oliver, herald(watched, "/broadcast/send"), { body: { body: "x" } })).status).toBe(403);
    expect((await call(USERS.gina, herald(ws, "/broadcast/send"), { body: { body: "x" } })).status).toBe(404);
  });
});

describe("GET /lords/herald/communications/log", () => {
  it("pages through the log newest first, filtered by kind and channel; every member may read it", async () => {
    const first = await call<{ data: { items: CommunicationLogRow[]; next_cursor: string | null } }>(
      USERS.victor,
      herald(ws, "/communications/log?kind=broadcast&channel=in_app&limit=3"),
    );
    expect(first.status).toBe(200);
    expect(first.body.data.items).toHaveLength(3);
    expect(first.body.data.items.every((item) => item.kind === "broadcast" && item.channel === "in_app")).toBe(true);
    expect(first.body.data.next_cursor).toEqual(expect.any(String));
    const next = await call<{ data: { items: CommunicationLogRow[] } }>(
      USERS.victor,
      herald(ws, `/communications/log?kind=broadcast&channel=in_app&limit=3&cursor=${first.body.data.next_cursor}`),
    );
    const seen = new Set(first.body.data.items.map((item) => item.id));
    expect(next.body.data.items.some((item) => seen.has(item.id))).toBe(false);
    const times = [...first.body.data.items, ...next.body.data.items].map((item) =>
      Date.parse(String(item.created_at)),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const email = await call<{ data: { items: CommunicationLogRow[] } }>(
      USERS.victor,
      herald(ws, "/communications/log?channel=email&status=sent"),
    );
    expect(email.body.data.items).toHaveLength(2);

    const bad = await call<ErrorBody>(USERS.victor, herald(ws, "/communications/log?kind=carrier_pigeon"));
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]?.field).toBe("kind");
    const wrongSort = await call<ErrorBody>(
      USERS.victor,
      herald(ws, `/communications/log?sort=created_at&cursor=${first.body.data.next_cursor}`),
    );
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.details[0]?.field).toBe("cursor");

    const stranger = await call<{ data: { items: unknown[] } }>(USERS.gina, herald(watched, "/communications/log"));
    expect(stranger.body.data.items).toEqual([]);
    expect((await call(USERS.gina, herald(ws, "/communications/log"))).status).toBe(404);
  });
});
