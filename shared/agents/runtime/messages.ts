import * as v from "valibot";
import { MODEL_TIERS } from "../../models/tiers.ts";

const Uuid = v.pipe(v.string(), v.uuid());
const AgentCode = v.pipe(v.string(), v.regex(/^[A-Z]+-\d{3}$/));

/** A step of a dependency graph as messages carry it, so the consumer can release dependents. */
export const GraphNodeSchema = v.object({
  key: v.string(),
  agent_code: AgentCode,
  depends_on: v.array(v.string()),
});

/**
 * The body QStash delivers to `/internal/agents/execute`. The input itself stays in Postgres (the execution
 * row); the message says whose work it is, which request started it and what the budget allowed.
 */
export const ExecutionMessageSchema = v.object({
  version: v.literal(1),
  execution_id: Uuid,
  workspace_id: Uuid,
  agent_code: AgentCode,
  user_id: v.nullable(Uuid),
  request_id: v.nullable(v.string()),
  budget: v.object({
    tier: v.picklist(MODEL_TIERS),
    requested_tier: v.picklist(MODEL_TIERS),
    downgraded: v.boolean(),
    remaining_usd: v.number(),
  }),
  graph: v.optional(v.object({ id: Uuid, node_key: v.string(), nodes: v.array(GraphNodeSchema) })),
  /** The user asked to regenerate: the response cache is bypassed and its answer replaced. */
  refresh: v.optional(v.boolean()),
});

/** One queued agent execution, as published to QStash. */
export type ExecutionMessage = v.InferOutput<typeof ExecutionMessageSchema>;

/**
 * What QStash posts to `Upstash-Failure-Callback` once a message has exhausted its retries: the original
 * message (base64), the last response and, when it went to the DLQ, its DLQ id.
 */
export const FailureCallbackSchema = v.object({
  status: v.number(),
  body: v.optional(v.string(), ""),
  retried: v.optional(v.number(), 0),
  maxRetries: v.optional(v.number(), 0),
  dlqId: v.optional(v.string()),
  sourceMessageId: v.string(),
  sourceBody: v.string(),
  url: v.optional(v.string()),
});

/** The failure callback's payload. */
export type FailureCallback = v.InferOutput<typeof FailureCallbackSchema>;

/** Decodes QStash's base64 fields (standard alphabet) to text. */
export function decodeBase64(text: string): string {
  const binary = atob(text);
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
