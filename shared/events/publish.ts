import type { Logger } from "../logging/logger.ts";
import { createLogger } from "../logging/logger.ts";
import { workspaceBus } from "../lords/client.ts";
import type { LordName } from "./catalogue.ts";
import type { RecordedEvent } from "./record.ts";

/** Who published, for routing and logs. */
export interface PublishOptions {
  /** The Lord that committed the events (it has served its own sockets already). */
  origin?: LordName | null;
  logger?: Logger;
}

/**
 * Hands committed events to their workspaces' buses: call it after the transaction that
 * recorded them (`recordEvent`) has committed, never inside it. It does not throw: the rows
 * are committed and acknowledged, so a failed fan-out is logged, and clients catch up by
 * resuming from the last event they saw.
 */
export async function publishEvents(
  env: Env,
  events: readonly RecordedEvent[],
  options: PublishOptions = {},
): Promise<void> {
  const byWorkspace = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const list = byWorkspace.get(event.workspaceId) ?? [];
    list.push(event);
    byWorkspace.set(event.workspaceId, list);
  }
  await Promise.all(
    [...byWorkspace].map(async ([workspaceId, batch]) => {
      try {
        await workspaceBus(env, workspaceId).publish(batch, options.origin ?? null);
      } catch (err) {
        (options.logger ?? createLogger()).error("event fan-out failed", {
          workspace_id: workspaceId,
          events: batch.map((event) => event.sequence),
          error: err instanceof Error ? err.message : String(err),
        });
      }
    }),
  );
}
