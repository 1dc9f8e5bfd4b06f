import { DurableObject } from "cloudflare:workers";
import { type Sql, withService } from "../../shared/db/database.ts";
import type { LordName } from "../../shared/events/catalogue.ts";
import { controlFrame, type Subscription } from "../../shared/events/protocol.ts";
import { type RecordedEvent, readEventsAfter } from "../../shared/events/record.ts";
import { createLogger, type Logger } from "../../shared/logging/logger.ts";
import { lordClient } from "../../shared/lords/client.ts";
import { readSocketIdentity } from "../../shared/lords/socket-identity.ts";
import type { BusStats } from "../../shared/lords/types.ts";
import { reactorsByEventType } from "../lords/registry.ts";
import { durableObjectSql } from "../postgres.ts";
import { SocketHub } from "../sockets/hub.ts";
import { routeToLords } from "./routing.ts";
import { BusStore } from "./store.ts";

/** What one publish did. */
export interface PublishReceipt {
  frames: number;
  lords: LordName[];
}

/**
 * The RaptorBus of one workspace (instance name = workspace id): fans committed events out to
 * the workspace channel's sockets and forwards them to the Lords that react to them or whose
 * sockets subscribed. It never writes `events`; publishers commit first, then call `publish`.
 */
export class WorkspaceBus extends DurableObject<Env> {
  readonly #workspaceId: string;
  readonly #store: BusStore;
  readonly #hub: SocketHub;
  readonly #logger: Logger;
  #sql: Sql | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const name = ctx.id.name;
    if (!name) throw new Error("WorkspaceBus must be addressed by name (the workspace id)");
    this.#workspaceId = name;
    this.#logger = createLogger({ durable_object: "WorkspaceBus", workspace_id: name });
    this.#store = new BusStore(ctx.storage);
    this.#hub = new SocketHub({
      state: ctx,
      logger: this.#logger,
      readEvents: (after, limit) =>
        withService(this.#db(), (tx) => readEventsAfter(tx, this.#workspaceId, after, limit)),
    });
    ctx.setWebSocketAutoResponse(
      new WebSocketRequestResponsePair(JSON.stringify({ type: "ping" }), controlFrame({ type: "pong" })),
    );
  }

  /**
   * Fans a batch of committed events out: one serialisation per event for all sockets, one
   * delivery per interested Lord. `origin` is the Lord that published (it has already served
   * its own sockets). Lord deliveries run in the background so a publisher never waits on
   * another Lord's reaction.
   */
  async publish(events: RecordedEvent[], origin: LordName | null = null): Promise<PublishReceipt> {
    const foreign = events.find((event) => event.workspaceId !== this.#workspaceId);
    if (foreign) throw new Error(`Event ${foreign.sequence} belongs to another workspace`);
    const started = performance.now();
    const { sent, serialized } = this.#hub.broadcast(events);
    const routes = routeToLords(events, origin, this.#store.interests(), reactorsByEventType());
    for (const [lord, batch] of routes) {
      this.ctx.waitUntil(
        lordClient(this.env, this.#workspaceId, lord)
          .deliver(batch)
          .catch((err: unknown) =>
            this.#logger.error("delivery to lord failed", {
              lord,
              events: batch.map((event) => event.sequence),
              error: err instanceof Error ? err.message : String(err),
            }),
          ),
      );
    }
    this.#store.recordFanout({
      events: events.length,
      frames: sent,
      serializations: serialized,
      deliveries: routes.size,
      ms: performance.now() - started,
    });
    return { frames: sent, lords: [...routes.keys()] };
  }

  /** A Lord reports what its sockets want (null: it has none); see BusStore.setInterest. */
  async setLordInterest(lord: LordName, events: Subscription[] | null, version: number): Promise<void> {
    this.#store.setInterest(lord, events, version);
  }

  /** Fan-out measurements and current interests. */
  async stats(): Promise<BusStats> {
    const totals = this.#store.totals();
    return {
      workspace_id: this.#workspaceId,
      connections: this.#hub.count(),
      published_events: totals.published_events,
      publish_batches: totals.publish_batches,
      frames_sent: totals.frames_sent,
      serializations: totals.serializations,
      lord_deliveries: totals.lord_deliveries,
      average_fanout_ms: totals.publish_batches > 0 ? totals.total_fanout_ms / totals.publish_batches : null,
      lord_interests: Object.fromEntries(this.#store.interests()),
    };
  }

  /** Accepts a workspace-channel socket the Worker has authenticated (identity header). */
  override async fetch(request: Request): Promise<Response> {
    const identity = readSocketIdentity(request);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket" || !identity || identity.lord !== null) {
      return new Response("Expected an authenticated WebSocket upgrade for the workspace channel", { status: 400 });
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

  // One client per instance: a Durable Object's requests share one I/O context.
  #db(): Sql {
    this.#sql ??= durableObjectSql(this.env.HYPERDRIVE);
    return this.#sql;
  }
}
