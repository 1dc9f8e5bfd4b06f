import { DurableObject } from "cloudflare:workers";
import { loadConfig } from "../../shared/config/config.ts";
import { withService } from "../../shared/db/database.ts";
import type { LordName } from "../../shared/events/catalogue.ts";
import { controlFrame } from "../../shared/events/protocol.ts";
import { publishEvents } from "../../shared/events/publish.ts";
import { type RecordedEvent, readEventsAfter } from "../../shared/events/record.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { createLogger, type Logger } from "../../shared/logging/logger.ts";
import { workspaceBus } from "../../shared/lords/client.ts";
import { parseLordObjectName } from "../../shared/lords/names.ts";
import { type ExecuteResult, failure } from "../../shared/lords/result.ts";
import { readSocketIdentity } from "../../shared/lords/socket-identity.ts";
import type { ExecuteRequest, LordStatus } from "../../shared/lords/types.ts";
import { createServices, type Services } from "../../shared/services/services.ts";
import { durableObjectSql } from "../postgres.ts";
import { SocketHub } from "../sockets/hub.ts";
import type { Capability, Reaction } from "./capability.ts";
import type { LordDeps } from "./context.ts";
import { executeCapability, runReaction } from "./execution.ts";
import { capabilitiesOf, findCapability, reactionsOf, reactionsTo } from "./registry.ts";
import { LordStore } from "./store.ts";

/**
 * One Lord of one workspace (instance name `${workspaceId}:${lord}`): a thin shell that routes
 * `execute` to the Lord's capabilities, runs its reactions, keeps its live state and metrics
 * in SQLite, and owns its WebSocket sessions. Postgres stays the system of record.
 */
export class LordObject extends DurableObject<Env> {
  readonly #workspaceId: string;
  readonly #lord: LordName;
  readonly #store: LordStore;
  readonly #hub: SocketHub;
  readonly #logger: Logger;
  #services: Services | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const { workspaceId, lord } = parseLordObjectName(ctx.id.name);
    this.#workspaceId = workspaceId;
    this.#lord = lord;
    this.#logger = createLogger({ durable_object: "LordObject", workspace_id: workspaceId, lord });
    this.#store = new LordStore(ctx.storage);
    this.#hub = new SocketHub({
      state: ctx,
      logger: this.#logger,
      readEvents: (after, limit) =>
        withService(this.#deps().services.sql, (tx) => readEventsAfter(tx, workspaceId, after, limit)),
      onChange: () => this.#announceInterest(),
    });
    ctx.setWebSocketAutoResponse(
      new WebSocketRequestResponsePair(JSON.stringify({ type: "ping" }), controlFrame({ type: "pong" })),
    );
  }

  /** Runs a capability by name; an unknown one is a 400 listing the Lord's capabilities. */
  async execute(request: ExecuteRequest): Promise<ExecuteResult> {
    const capability = findCapability(this.#lord, request.capability);
    if (!capability) {
      const valid = capabilitiesOf(this.#lord).map((known) => known.name);
      return failure(
        ApiError.badRequest(
          `Unknown capability '${request.capability}' for the ${this.#lord} Lord; valid capabilities: ${valid.length > 0 ? valid.join(", ") : "none"}`,
          [{ field: "capability", message: "is not a capability of this Lord", valid }],
          "UNKNOWN_CAPABILITY",
        ),
      );
    }
    return this.run(capability, request);
  }

  /** Runs a given capability in this Lord's runtime (what `execute` does once it has found it). */
  async run(capability: Capability, request: ExecuteRequest): Promise<ExecuteResult> {
    return executeCapability(this.#deps(), capability, request);
  }

  /**
   * Receives events the bus forwarded: sends them to the sockets that want them, then runs the
   * Lord's reactions, in sequence order. A Lord never reacts to its own events.
   */
  async deliver(events: RecordedEvent[]): Promise<void> {
    this.#hub.broadcast(events);
    let reacted = false;
    for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
      if (event.lord === this.#lord) continue;
      for (const reaction of reactionsTo(this.#lord, event.type)) {
        reacted = true;
        await this.react(reaction, event);
      }
    }
    // Sent here for sockets that closed without a close event (eviction): correct the bus.
    if (!reacted && this.#hub.count() === 0) await this.#announceInterest();
  }

  /** Runs one reaction to an event in this Lord's runtime. */
  async react(reaction: Reaction, event: RecordedEvent): Promise<boolean> {
    return runReaction(this.#deps(), reaction, event);
  }

  /** Capabilities, live state counts, performance metrics and connections. */
  async status(): Promise<LordStatus> {
    return {
      lord: this.#lord,
      workspace_id: this.#workspaceId,
      capabilities: capabilitiesOf(this.#lord).map(({ name, description, mutates }) => ({
        name,
        description,
        mutates,
      })),
      reacts_to: [...new Set(reactionsOf(this.#lord).flatMap((reaction) => reaction.on))],
      state: this.#store.state(),
      performance: { ...this.#store.totals(), by_capability: this.#store.metrics("capability") },
      reactions: this.#store.metrics("reaction"),
      connections: this.#hub.count(),
    };
  }

  /** Accepts a socket on this Lord's channel that the Worker has authenticated (identity header). */
  override async fetch(request: Request): Promise<Response> {
    const identity = readSocketIdentity(request);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || identity?.lord !== this.#lord) {
      return new Response(`Expected an authenticated WebSocket upgrade for the ${this.#lord} channel`, { status: 400 });
    }
    return this.#hub.accept(this.#workspaceId, identity);
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    await this.#hub.message(ws, message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    await this.#hub.closed(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.#hub.closed(ws);
  }

  // Tells the bus which event types this Lord's sockets want, so events published elsewhere
  // reach them; versioned because concurrent updates can arrive at the bus out of order.
  async #announceInterest(): Promise<void> {
    const events = this.#hub.count() > 0 ? this.#hub.subscriptions() : null;
    const version = this.#store.nextInterestVersion();
    await workspaceBus(this.env, this.#workspaceId).setLordInterest(this.#lord, events, version);
  }

  #deps(): LordDeps {
    // Built once per instance (a Durable Object's requests share one I/O context), with a
    // Postgres client whose idle connections close so the object can hibernate.
    this.#services ??= {
      ...createServices(loadConfig(this.env), this.env.HYPERDRIVE),
      sql: durableObjectSql(this.env.HYPERDRIVE),
    };
    return {
      workspaceId: this.#workspaceId,
      lord: this.#lord,
      services: this.#services,
      env: this.env,
      store: this.#store,
      logger: this.#logger,
      committed: async (events) => {
        this.#hub.broadcast(events);
        await publishEvents(this.env, events, { origin: this.#lord, logger: this.#logger });
      },
    };
  }
}
