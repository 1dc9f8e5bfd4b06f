import { beforeAll, describe, expect, it } from "vitest";
import type { Alert, AlertListResponse, AlertResponse } from "../../../../functions/alerts/index.ts";
import { call, countRows, createWorkspace, type ErrorBody } from "../../../helpers/api.ts";
import { testSql, USERS, WORKSPACES } from "../../../helpers/db.ts";

// The alerts group through the real router: raise, list with filters and cursor, acknowledge,
// resolve — each write with its event in the same request — and what each role may do.
const sql = testSql();
let ws: string;
const path = (suffix = "") => `/api/workspaces/${ws}/alerts${suffix}`;

beforeAll(async () => {
  ws = await createWorkspace(sql, {
    members: [
      [USERS.alice, "admin"],
      [USERS.ana, "analyst"],
      [USERS.victor, "viewer"],
    ],
  });
});

async function raise(body: Record<string, unknown> = {}): Promise<Alert> {
  const res = await call<AlertResponse>(USERS.ana, path(), {
    body: { alert_type: "budget", severity: "warning", title: "Budget at 80%", ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

function eventsOf(alertId: string) {
  return sql<
    { event_type: string; channel: string; actor_id: string; request_id: string; payload: Record<string, unknown> }[]
  >`
    select event_type, channel, actor_id, request_id, payload from public.events
    where workspace_id = ${ws} and payload ->> 'alert_id' = ${alertId} order by sequence`;
}

describe("POST /alerts", () => {
  it("raises an open alert and records alert.created with the caller and request id", async () => {
    const res = await call<AlertResponse>(USERS.ana, path(), {
      body: {
        alert_type: "performance",
        severity: "error",
        title: "  CTR dropped 40%  ",
        message: "Spring push CTR fell from 2.1% to 1.2%.",
        source: "anomaly-detector",
        metadata: { campaign: "spring", drop: 0.4 },
      },
    });
    expect(res.status).toBe(201);
    const alert = res.body.data;
    expect(res.headers.get("location")).toBe(path(`/${alert.id}`));
    expect(alert).toMatchObject({
      workspace_id: ws,
      status: "open",
      title: "CTR dropped 40%",
      severity: "error",
      metadata: { campaign: "spring", drop: 0.4 },
      acknowledged_by: null,
      resolved_at: null,
    });
    const [event, ...more] = await eventsOf(alert.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      event_type: "alert.created",
      channel: "guild_broadcast",
      actor_id: USERS.ana.id,
      request_id: res.headers.get("x-request-id"),
      payload: { alert_id: alert.id, severity: "error", alert_type: "performance" },
    });
  });

  it("refuses viewers with 403 and writes nothing", async () => {
    const before = await countRows(sql, "alerts", ws);
    const res = await call<ErrorBody>(USERS.victor, path(), {
      body: { alert_type: "system", severity: "info", title: "Nope" },
    });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("INSUFFICIENT_ROLE");
    expect(await countRows(sql, "alerts", ws)).toBe(before);
  });

  it("names each bad field", async () => {
    const res = await call<ErrorBody>(USERS.ana, path(), {
      body: { alert_type: "weather", severity: "meh", title: "", extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.details.map((d) => d.field).sort()).toEqual(["alert_type", "extra", "severity", "title"]);
  });
});

describe("GET /alerts", () => {
  let critical: Alert;
  let info: Alert;

  beforeAll(async () => {
    critical = await raise({ severity: "critical", alert_type: "security", title: "Key leaked" });
    info = await raise({ severity: "info", alert_type: "system", title: "Maintenance" });
    await call(USERS.ana, path(`/${info.id}/resolve`), { method: "POST" });
  });

  it("lets every member read, newest first", async () => {
    const res = await call<AlertListResponse>(USERS.victor, path());
    expect(res.status).toBe(200);
    const times = res.body.data.map((alert) => alert.created_at);
    expect(times).toEqual([...times].sort().reverse());
    expect(res.body.data.every((alert) => alert.workspace_id === ws)).toBe(true);
    expect(await call<AlertResponse>(USERS.victor, path(`/${critical.id}`))).toMatchObject({
      status: 200,
      body: { data: critical },
    });
  });

  it("filters by severity, status and type (comma-separated)", async () => {
    const bySeverity = await call<AlertListResponse>(USERS.victor, path("?severity=critical"));
    expect(bySeverity.body.data.map((a) => a.id)).toEqual([critical.id]);
    const resolved = await call<AlertListResponse>(USERS.victor, path("?status=resolved"));
    expect(resolved.body.data.map((a) => a.id)).toEqual([info.id]);
    const types = await call<AlertListResponse>(USERS.victor, path("?alert_type=security,system&status=open,resolved"));
    expect(types.body.data.map((a) => a.id).sort()).toEqual([critical.id, info.id].sort());
  });

  it("pages with a cursor without repeating or skipping", async () => {
    const all = (await call<AlertListResponse>(USERS.victor, path("?limit=100"))).body.data.map((a) => a.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: AlertListResponse } = await call<AlertListResponse>(
        USERS.victor,
        path(`?limit=2${cursor ? `&cursor=${cursor}` : ""}`),
      );
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((a) => a.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("rejects unknown filter values and foreign cursors", async () => {
    const res = await call<ErrorBody>(USERS.victor, path("?severity=critical,apocalyptic"));
    expect(res.status).toBe(400);
    expect(res.body.details[0]?.field).toMatch(/^severity/);
    expect((await call(USERS.victor, path("?cursor=garbage!"))).status).toBe(400);
  });

  it("never shows another workspace's alerts, even by id", async () => {
    const [seeded] = await sql<{ id: string }[]>`
      select id from public.alerts where workspace_id = ${WORKSPACES.acmeGrowth} limit 1`;
    const res = await call<ErrorBody>(USERS.ana, path(`/${seeded!.id}`));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("ALERT_NOT_FOUND");
  });
});

describe("acknowledge and resolve", () => {
  it("moves open → acknowledged → resolved, stamping who and when, one event each", async () => {
    const alert = await raise();
    const acked = await call<AlertResponse>(USERS.ana, path(`/${alert.id}/acknowledge`), { method: "POST" });
    expect(acked.status).toBe(200);
    expect(acked.body.data).toMatchObject({ status: "acknowledged", acknowledged_by: USERS.ana.id });
    expect(acked.body.data.acknowledged_at).toBeTruthy();

    const resolved = await call<AlertResponse>(USERS.alice, path(`/${alert.id}/resolve`), { method: "POST" });
    expect(resolved.status).toBe(200);
    expect(resolved.body.data).toMatchObject({
      status: "resolved",
      acknowledged_by: USERS.ana.id,
      resolved_by: USERS.alice.id,
    });

    const events = await eventsOf(alert.id);
    expect(events.map((e) => [e.event_type, e.payload.from, e.payload.to, e.actor_id])).toEqual([
      ["alert.created", undefined, undefined, USERS.ana.id],
      ["alert.acknowledged", "open", "acknowledged", USERS.ana.id],
      ["alert.resolved", "acknowledged", "resolved", USERS.alice.id],
    ]);
  });

  it("resolves an open alert directly", async () => {
    const alert = await raise();
    const res = await call<AlertResponse>(USERS.ana, path(`/${alert.id}/resolve`), { method: "POST" });
    expect(res.body.data).toMatchObject({ status: "resolved", acknowledged_by: null });
  });

  it("answers 409 for transitions the lifecycle forbids, recording nothing", async () => {
    const alert = await raise();
    await call(USERS.ana, path(`/${alert.id}/resolve`), { method: "POST" });
    for (const action of ["acknowledge", "resolve"]) {
      const res = await call<ErrorBody>(USERS.ana, path(`/${alert.id}/${action}`), { method: "POST" });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe("INVALID_TRANSITION");
    }
    expect((await eventsOf(alert.id)).map((e) => e.event_type)).toEqual(["alert.created", "alert.resolved"]);
  });

  it("refuses viewers and unknown ids", async () => {
    const alert = await raise();
    expect((await call(USERS.victor, path(`/${alert.id}/acknowledge`), { method: "POST" })).status).toBe(403);
    const missing = await call<ErrorBody>(USERS.ana, path(`/${crypto.randomUUID()}/acknowledge`), { method: "POST" });
    expect(missing.status).toBe(404);
    const malformed = await call<ErrorBody>(USERS.ana, path("/not-a-uuid/resolve"), { method: "POST" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details[0]?.field).toBe("alertId");
  });
});
