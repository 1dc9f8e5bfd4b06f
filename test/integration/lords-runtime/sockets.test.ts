import { env, runInDurableObject, SELF } from "cloudflare:test";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_PROTOCOL } from "../../../shared/events/protocol.ts";
import { testSql, USERS } from "../../helpers/db.ts";
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
  upgrade,
} from "./helpers.ts";

const sql = testSql();
let mine: string;
let theirs: string;
beforeAll(async () => {
  mine = await createWorkspace(sql, "sockets");
  theirs = await createWorkspace(sql, "sockets-other", [[USERS.gina, "admin"]]);
});
afterAll(async () => {
  await dropWorkspace(sql, mine);
  await dropWorkspace(sql, theirs);
});
const open: TestSocket[] = [];
const track = (socket: TestSocket) => {
  open.push(socket);
  return socket;
};
afterEach(() => {
  for (const socket of open.splice(0)) socket.close();
});

describe("workspace channel: happy", () => {
  it("two clients of one workspace see each other's events; another workspace's client sees none", async () => {
    const [alice, oliver, gina] = await Promise.all([
      tokenFor(USERS.alice),
      tokenFor(USERS.oliver),
      tokenFor(USERS.gina),
    ]);
    const a = track(await connect(mine, "/ws/workspace", { token: alice }));
    const b = track(await connect(mine, "/ws/workspace", { token: oliver }));
    const other = track(await connect(theirs, "/ws/workspace", { token: gina }));

    const fromAlice = marker();
    const fromOliver = marker();
    const first = await recordAndPublish(sql, USERS.alice, mine, "campaign.created", {
      marker: fromAlice,
    });
    await recordAndPublish(sql, USERS.oliver, mine, "content.rejected", { marker: fromOliver });

    for (const socket of [a, b]) {
      const frame = await socket.next(isMarkedEvent(fromAlice));
      expect(frame).toEqual({
        type: "event",
        lord: null,
        event: "campaign.created",
        data: { marker: fromAlice },
        event_id: first.sequence,
        timestamp: first.createdAt,
      });
      await socket.next(isMarkedEvent(fromOliver));
    }
    await settle();
    expect(other.frames.filter((frame) => frame.type === "event")).toEqual([]);
  });

  it("answers ping with pong, and subscribe/unsubscribe narrow what arrives", async () => {
    const socket = track(await connect(mine, "/ws/workspace", { token: await tokenFor(USERS.victor) }));
    expect(socket.frames[0]).toEqual({ type: "subscribed", events: ["*"] });

    socket.send({ type: "ping" });
    await socket.next(isFrame("pong"));
    socket.send(' { "type" : "ping" } ');
    await socket.next(isFrame("pong"), { from: socket.frames.findIndex((f) => f.type === "pong") + 1 });

    let from = socket.frames.length;
    socket.send({ type: "unsubscribe", events: ["*"] });
    expect(await socket.next(isFrame("subscribed"), { from })).toEqual({ type: "subscribed", events: [] });
    from = socket.frames.length;
    socket.send({ type: "subscribe", events: ["alert.created"] });
    expect(await socket.next(isFrame("subscribed"), { from })).toEqual({
      type: "subscribed",
      events: ["alert.created"],
    });

    const ignored = marker();
    const wanted = marker();
    await recordAndPublish(sql, USERS.alice, mine, "campaign.updated", { marker: ignored });
    await recordAndPublish(sql, USERS.alice, mine, "alert.created", { marker: wanted });
    await socket.next(isMarkedEvent(wanted));
    expect(socket.eventsMarked(ignored)).toEqual([]);
  });
});

describe("sockets: errors", () => {
  it("invalid frames get error frames and the socket stays open", async () => {
    const socket = track(await connect(mine, "/ws/workspace", { token: await tokenFor(USERS.alice) }));
    const cases: Array<[unknown, string]> = [
      ["not json", "INVALID_JSON"],
      [{ type: "dance" }, "INVALID_FRAME"],
      [{ type: "subscribe", events: ["no.such_type"] }, "INVALID_FRAME"],
      [{ type: "subscribe", events: [] }, "INVALID_FRAME"],
      [{ type: "resume", last_event_id: -1 }, "INVALID_FRAME"],
    ];
    for (const [frame, code] of cases) {
      const from = socket.frames.length;
      socket.send(frame);
      const error = await socket.next(isFrame("error"), { from });
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(0);
    }
    const from = socket.frames.length;
    socket.ws.send(new Uint8Array([1, 2, 3]));
    expect((await socket.next(isFrame("error"), { from })).code).toBe("UNSUPPORTED_FRAME");

    socket.send({ type: "ping" });
    await socket.next(isFrame("pong"));
    expect(socket.closed).toBe(false);
  });

  it("rejects a non-upgrade request with 426 in the envelope", async () => {
    const res = await fetchPlain(mine, "/ws/workspace", await tokenFor(USERS.alice));
    expect(res.status).toBe(426);
    expect(await res.json()).toMatchObject({ status: "error", code: "UPGRADE_REQUIRED" });
  });

  it("rejects a malformed last_event_id with 400 naming the field", async () => {
    const res = await upgrade(mine, "/ws/workspace", {
      token: await tokenFor(USERS.alice),
      lastEventId: "yesterday",
    });
    expect(res.status).toBe(400);
    const body = await res.json<{ code: string; details: { field: string }[] }>();
    expect(body.code).toBe("VALIDATION_ERROR");
    expect(body.details[0]?.field).toBe("last_event_id");
  });

  it("rejects an unknown Lord with 400", async () => {
    const res = await upgrade(mine, "/ws/lords/jester", { token: await tokenFor(USERS.alice) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "VALIDATION_ERROR" });
  });
});

describe("sockets: security", () => {
  it("refuses an upgrade without a token with 401 in the envelope", async () => {
    const res = await upgrade(mine, "/ws/workspace");
    expect(res.status).toBe(401);
    expect(res.webSocket).toBeNull();
    expect(await res.json()).toMatchObject({ status: "error", code: "AUTH_TOKEN_MISSING", status_code: 401 });
  });

  it("refuses a non-member's upgrade with 404 in the envelope", async () => {
    const res = await upgrade(mine, "/ws/lords/architect", { token: await tokenFor(USERS.nina) });
    expect(res.status).toBe(404);
    expect(res.webSocket).toBeNull();
    expect(await res.json()).toMatchObject({ status: "error", code: "WORKSPACE_NOT_FOUND" });
  });

  it("refuses a member of another workspace", async () => {
    const res = await upgrade(mine, "/ws/workspace", { token: await tokenFor(USERS.gina) });
    expect(res.status).toBe(404);
  });

  it("accepts the token in Sec-WebSocket-Protocol, selecting raptorflow.v1 and never echoing the token", async () => {
    const token = await tokenFor(USERS.victor);
    const res = await upgrade(mine, "/ws/lords/seer", {
      token,
      tokenInProtocol: true,
      protocols: [SOCKET_PROTOCOL],
    });
    expect(res.status).toBe(101);
    expect(res.headers.get("sec-websocket-protocol")).toBe(SOCKET_PROTOCOL);
    expect([...res.headers.values()].join(" ")).not.toContain(token);
    res.webSocket?.accept();
    res.webSocket?.close(1000, "done");
  });

  it("requires raptorflow.v1 alongside a token sent as a subprotocol", async () => {
    const res = await upgrade(mine, "/ws/workspace", {
      token: await tokenFor(USERS.victor),
      tokenInProtocol: true,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "WS_PROTOCOL_REQUIRED" });
  });

  it("ignores a client-sent identity header: the Worker sets its own", async () => {
    const forged = JSON.stringify({
      userId: USERS.alice.id,
      role: "admin",
      lord: null,
      lastEventId: null,
      protocol: null,
    });
    const socket = track(
      await connect(theirs, "/ws/workspace", {
        token: await tokenFor(USERS.gina),
        headers: { "x-raptorflow-socket-identity": forged },
      }),
    );
    const stub = env.WORKSPACE_BUS.getByName(theirs);
    const owners = await runInDurableObject(stub, (_instance, state) =>
      state.getWebSockets().map((ws) => (ws.deserializeAttachment() as { userId: string }).userId),
    );
    expect(owners).toContain(USERS.gina.id);
    expect(owners).not.toContain(USERS.alice.id);
    socket.close();
  });
});

function fetchPlain(workspaceId: string, path: string, token: string): Promise<Response> {
  return SELF.fetch(`http://api.test/api/workspaces/${workspaceId}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

describe("closing", () => {
  it("answers the client's close frame with its code, so clients close cleanly instead of timing out", async () => {
    const socket = await connect(mine, "/ws/workspace", { token: await tokenFor(USERS.alice) });
    const closing = new Promise<{ code: number; reason: string }>((resolve) => {
      socket.ws.addEventListener("close", (event) => resolve({ code: event.code, reason: event.reason }));
    });
    socket.ws.close(4001, "client leaving");
    const closed = await Promise.race([
      closing,
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 3000)),
    ]);
    expect(closed).toEqual({ code: 4001, reason: "client leaving" });
  });
});
