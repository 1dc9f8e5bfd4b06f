import type { Context } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../shared/app-env.ts";
import type { LordName } from "../../shared/events/catalogue.ts";
import { LastEventIdSchema, SOCKET_PROTOCOL } from "../../shared/events/protocol.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { lordClient, workspaceBus } from "../../shared/lords/client.ts";
import type { SocketIdentity } from "../../shared/lords/socket-identity.ts";
import { actorOf, workspaceOf } from "./actor.ts";

/** `?last_event_id=` on connect: resume after that sequence. */
export const SocketQuerySchema = v.object({ last_event_id: v.optional(LastEventIdSchema) });

/**
 * Checks the upgrade and picks the subprotocol. A token sent as `bearer.<token>` in
 * `Sec-WebSocket-Protocol` requires `raptorflow.v1` alongside it, and the 101 selects
 * `raptorflow.v1`, so the token is never echoed back.
 */
function negotiate(c: Context<AppEnv>): typeof SOCKET_PROTOCOL | null {
  if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
    throw new ApiError(426, "UPGRADE_REQUIRED", "This route only accepts WebSocket upgrades", [], {
      upgrade: "websocket",
    });
  }
  const offered = (c.req.header("sec-websocket-protocol") ?? "")
    .split(",")
    .map((protocol) => protocol.trim())
    .filter(Boolean);
  if (offered.length === 0) return null;
  if (!offered.includes(SOCKET_PROTOCOL)) {
    throw ApiError.badRequest(
      `Offer the '${SOCKET_PROTOCOL}' subprotocol`,
      [{ field: "sec-websocket-protocol", message: `must include ${SOCKET_PROTOCOL}` }],
      "WS_PROTOCOL_REQUIRED",
    );
  }
  return SOCKET_PROTOCOL;
}

function identityOf(c: Context<AppEnv>, lord: LordName | null, lastEventId: number | null): SocketIdentity {
  const protocol = negotiate(c);
  const actor = actorOf(c);
  return { userId: actor.userId, role: actor.role, lord, lastEventId, protocol };
}

// Re-created in the Worker so later middleware (secure headers, request id) can add headers.
function relay(response: Response): Response {
  if (response.status !== 101 || !response.webSocket) {
    throw new ApiError(502, "SOCKET_REFUSED", "The channel did not accept the connection");
  }
  return new Response(null, { status: 101, webSocket: response.webSocket, headers: response.headers });
}

/** `GET /ws/lords/:lord`: a Lord's channel (its own events, plus what the client subscribes to). */
export async function lordSocket(c: Context<AppEnv>, lord: LordName, lastEventId: number | null) {
  const identity = identityOf(c, lord, lastEventId);
  return relay(await lordClient(c.env, workspaceOf(c), lord).connect(c.req.url, identity));
}

/** `GET /ws/workspace`: every event of the workspace (narrowed by unsubscribe/subscribe). */
export async function workspaceSocket(c: Context<AppEnv>, lastEventId: number | null) {
  const identity = identityOf(c, null, lastEventId);
  return relay(await workspaceBus(c.env, workspaceOf(c)).connect(c.req.url, identity));
}
