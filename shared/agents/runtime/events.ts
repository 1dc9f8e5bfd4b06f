import type { Tx } from "../../db/database.ts";
import type { Channel, EventType } from "../../events/catalogue.ts";
import { type RecordedEvent, recordEvent } from "../../events/record.ts";
import type { Guild } from "../registry/index.ts";

/** Each guild's RaptorBus channel, as the `guilds` reference table assigns them. */
export const GUILD_CHANNEL: Readonly<Record<Guild, Channel>> = {
  council: "guild_broadcast",
  research: "guild_research",
  muse: "guild_muse",
  matrix: "guild_data",
  guardian: "guild_execution",
};

/** Hands recorded events to the workspace bus once their transaction has committed. */
export type Broadcast = (events: readonly RecordedEvent[]) => Promise<void>;

/** Who an agent event is about. */
export interface AgentEventSubject {
  workspaceId: string;
  executionId: string;
  agentCode: string;
  guild: Guild;
  requestId: string | null;
  actorId: string | null;
  graphId?: string | null;
  nodeKey?: string | null;
}

type AgentEventType = Extract<EventType, `agent.${string}`>;

/**
 * Collects the events of one unit of work: each is inserted in the caller's transaction (so it commits or
 * rolls back with the change it describes) and broadcast only after commit.
 */
export class EventBatch {
  private readonly recorded: RecordedEvent[] = [];

  /** Records any catalogued event inside `tx`. */
  async record(tx: Tx, event: Parameters<typeof recordEvent>[1]): Promise<void> {
    this.recorded.push(await recordEvent(tx, event));
  }

  /** Records an `agent.*` event on the agent's guild channel with the execution's identifiers. */
  async agent(tx: Tx, type: AgentEventType, subject: AgentEventSubject, payload: Record<string, unknown> = {}) {
    await this.record(tx, {
      workspaceId: subject.workspaceId,
      type,
      channel: GUILD_CHANNEL[subject.guild],
      actorId: subject.actorId,
      requestId: subject.requestId,
      payload: {
        execution_id: subject.executionId,
        agent_code: subject.agentCode,
        guild: subject.guild,
        ...(subject.graphId ? { graph_id: subject.graphId, node_key: subject.nodeKey } : {}),
        ...payload,
      },
    });
  }

  /** Broadcasts everything recorded so far (call after commit) and forgets it. */
  async flush(broadcast: Broadcast | undefined): Promise<void> {
    const events = this.recorded.splice(0);
    if (broadcast && events.length > 0) await broadcast(events);
  }
}
