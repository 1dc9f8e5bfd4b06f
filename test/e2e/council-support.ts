import { signLocalToken } from "../../shared/auth/sign-token.ts";
import type { EventFrame, ServerFrame } from "../../shared/events/protocol.ts";
import { eventually } from "./agents-support.ts";
import type { Harness } from "./harness.ts";

/** The Supabase URL the Worker verifies tokens against (wrangler.toml's local value). */
const SUPABASE_URL = "http://127.0.0.1:54321";

/** A signed access token for a seeded user, valid for the harness's Worker. */
export function tokenFor(harness: Harness, user: { id: string; email: string }): Promise<string> {
  return signLocalToken({
    userId: user.id,
    email: user.email,
    supabaseUrl: SUPABASE_URL,
    jwtSecret: harness.stack.bindings.SUPABASE_JWT_SECRET as string,
  });
}

/** A client WebSocket (Node's built-in) on a workspace or Lord channel that records every frame. */
export class EventSocket {
  readonly frames: ServerFrame[] = [];
  readonly #ws: WebSocket;

  private constructor(ws: WebSocket) {
    this.#ws = ws;
    ws.addEventListener("message", (message) => {
      this.frames.push(JSON.parse(String(message.data)) as ServerFrame);
    });
  }

  /**
   * Connects through the Worker with the token in `Sec-WebSocket-Protocol` (browsers cannot set
   * headers on an upgrade) and waits for the server's first `subscribed` frame.
   */
  static async open(
    harness: Harness,
    workspaceId: string,
    token: string,
    path = "/ws/workspace",
  ): Promise<EventSocket> {
    const url = `${harness.url.replace(/^http/, "ws")}/api/workspaces/${workspaceId}${path}`;
    const ws = new WebSocket(url, ["raptorflow.v1", `bearer.${token}`]);
    const socket = new EventSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener("open", () => resolve(), { once: true });
      ws.addEventListener("error", () => reject(new Error(`socket to ${path} failed to open`)), { once: true });
    });
    await eventually(async () => socket.frames.some((frame) => frame.type === "subscribed"), 10_000);
    return socket;
  }

  /** Event frames received so far, in arrival order. */
  events(): EventFrame[] {
    return this.frames.filter((frame): frame is EventFrame => frame.type === "event");
  }

  /** Waits for the first event frame matching `match`. */
  next(match: (frame: EventFrame) => boolean, timeoutMs = 20_000): Promise<EventFrame> {
    return eventually(async () => this.events().find(match), timeoutMs);
  }

  close(): void {
    this.#ws.close(1000, "test done");
  }
}
