import * as v from "valibot";
import { ROLES } from "../auth/permissions.ts";
import { LORDS } from "../events/catalogue.ts";
import { SOCKET_PROTOCOL } from "../events/protocol.ts";

/**
 * The header the Worker sets, after authenticating the upgrade and checking membership, to
 * tell a Durable Object who is connecting. The Worker builds the forwarded request's headers
 * from scratch, so a client can never supply it.
 */
export const SOCKET_IDENTITY_HEADER = "x-raptorflow-socket-identity";

/** Who a socket belongs to and what it asked for on connect. */
export const SocketIdentitySchema = v.object({
  userId: v.string(),
  role: v.picklist(ROLES),
  /** The Lord whose channel this is; null for the workspace-wide channel. */
  lord: v.nullable(v.picklist(LORDS)),
  /** Resume after this sequence (from `?last_event_id=`), or null for live events only. */
  lastEventId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** The subprotocol to select in the 101 response, when the client offered it. */
  protocol: v.nullable(v.literal(SOCKET_PROTOCOL)),
});
export type SocketIdentity = v.InferOutput<typeof SocketIdentitySchema>;

/** Builds the request a Durable Object accepts a socket from: upgrade plus identity, nothing else. */
export function socketRequest(url: string, identity: SocketIdentity): Request {
  return new Request(url, {
    headers: { upgrade: "websocket", [SOCKET_IDENTITY_HEADER]: JSON.stringify(identity) },
  });
}

/** Reads the identity the Worker set; undefined when absent or malformed. */
export function readSocketIdentity(request: Request): SocketIdentity | undefined {
  const raw = request.headers.get(SOCKET_IDENTITY_HEADER);
  if (!raw) return undefined;
  try {
    const parsed = v.safeParse(SocketIdentitySchema, JSON.parse(raw));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}
