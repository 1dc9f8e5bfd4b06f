import * as v from "valibot";
import { can } from "../../shared/auth/permissions.ts";
import { withService } from "../../shared/db/database.ts";
import type { RecordedEvent } from "../../shared/events/record.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { type ExecuteResult, failure } from "../../shared/lords/result.ts";
import type { ExecuteRequest } from "../../shared/lords/types.ts";
import type { Capability, CapabilityContext, Reaction } from "./capability.ts";
import { type LordDeps, startRun } from "./context.ts";
import { toHandlerError } from "./errors.ts";

/**
 * Runs one capability: validates input, checks that a mutating capability is called with
 * `lords:act`, runs the handler, records metrics and staged state, and only then hands the
 * committed events on. Events of a committed transaction are published even when the handler
 * fails afterwards: they describe rows that exist.
 */
export async function executeCapability(
  deps: LordDeps,
  capability: Capability,
  request: ExecuteRequest,
): Promise<ExecuteResult> {
  const parsed = v.safeParse(capability.input, request.input);
  if (!parsed.success) {
    return failure(
      ApiError.validation(
        parsed.issues.map((issue) => ({
          field: v.getDotPath(issue) ?? "input",
          location: "body",
          message: issue.message,
        })),
      ),
    );
  }
  if (capability.mutates && !can(request.actor.role, "lords:act")) {
    return failure(
      ApiError.forbidden(`Role '${request.actor.role}' may not perform '${capability.name}'`, "INSUFFICIENT_ROLE"),
    );
  }

  const run = startRun(deps, {
    name: capability.name,
    actorId: request.actor.userId,
    requestId: request.requestId,
    mayEmit: capability.mutates,
  });
  const context: CapabilityContext = {
    ...run.base,
    actor: request.actor,
    requestId: request.requestId,
    transaction: (body) => run.userTransaction(request.actor, body),
  };

  const started = performance.now();
  let result: ExecuteResult;
  try {
    result = { ok: true, data: await capability.handler(parsed.output, context) };
  } catch (err) {
    result = failure(toHandlerError(err, deps.logger, { capability: capability.name, request_id: request.requestId }));
  }
  const latencyMs = performance.now() - started;

  if (result.ok && capability.mutates && run.events.length === 0) {
    deps.logger.error("mutating capability committed no event", { capability: capability.name });
  }
  deps.store.record({
    name: capability.name,
    kind: "capability",
    ok: result.ok,
    errorCode: result.ok ? null : result.error.code,
    latencyMs,
    events: run.events,
    actorId: request.actor.userId,
    requestId: request.requestId,
    decision: capability.mutates,
    changes: run.changes,
  });
  if (run.events.length > 0) await deps.committed(run.events);
  return result;
}

/**
 * Runs one reaction to a published event with service-role transactions. A failure is logged,
 * counted, and kept in `dead_letters` (source `raptorbus`) for inspection and retry.
 */
export async function runReaction(deps: LordDeps, reaction: Reaction, event: RecordedEvent): Promise<boolean> {
  const run = startRun(deps, { name: reaction.name, actorId: null, requestId: event.requestId, mayEmit: true });
  const started = performance.now();
  let errorCode: string | null = null;
  try {
    await reaction.handler(event, { ...run.base, requestId: event.requestId });
  } catch (err) {
    const apiError = toHandlerError(err, deps.logger, { reaction: reaction.name, event_id: event.sequence });
    errorCode = apiError.code;
    await deadLetter(deps, reaction, event, err instanceof Error ? err.message : String(err));
  }
  deps.store.record({
    name: reaction.name,
    kind: "reaction",
    ok: errorCode === null,
    errorCode,
    latencyMs: performance.now() - started,
    events: run.events,
    actorId: null,
    requestId: event.requestId,
    decision: true,
    changes: run.changes,
  });
  if (run.events.length > 0) await deps.committed(run.events);
  return errorCode === null;
}

async function deadLetter(deps: LordDeps, reaction: Reaction, event: RecordedEvent, error: string): Promise<void> {
  // One letter per reaction and event: a redelivered failure is not filed twice.
  const topic = `${deps.lord}.${reaction.name}`;
  try {
    await withService(
      deps.services.sql,
      (tx) =>
        tx`insert into public.dead_letters (workspace_id, source, topic, message_id, payload, error, attempts, last_attempt_at)
           values (${deps.workspaceId}, 'raptorbus', ${topic}, ${`${topic}:${event.sequence}`},
                   ${tx.json({ event } as unknown as Parameters<typeof tx.json>[0])}, ${error}, 1, now())
           on conflict do nothing`,
    );
  } catch (err) {
    deps.logger.error("dead letter could not be written", {
      reaction: reaction.name,
      event_id: event.sequence,
      error: err instanceof Error ? err.message : String(err),
    });
  }
}
