import type * as v from "valibot";
import type { Citation } from "../../shared/agents/runtime/index.ts";
import type { Tx } from "../../shared/db/database.ts";
import {
  and,
  CURSOR_COLUMN,
  cursorSelect,
  equals,
  keysetCondition,
  oneOf,
  orderByClause,
  type Page,
  toPage,
} from "../../shared/db/pagination.ts";
import type { AgentExecutionLogsStatus, Json } from "../../shared/db/rows.generated.ts";
import type { ExecutionListQuery } from "./schemas.ts";

/** An execution as the API shows it in lists. */
export interface ExecutionSummary {
  id: string;
  agent_code: string;
  guild: string;
  status: AgentExecutionLogsStatus;
  model: string | null;
  provider: string | null;
  tokens_in: number;
  tokens_out: number;
  cost_usd: number;
  /** Answered from the response cache: no model was called, nothing was spent. */
  cached: boolean;
  latency_ms: number | null;
  attempts: number;
  error: string | null;
  request_id: string | null;
  graph_id: string | null;
  node_key: string | null;
  message_id: string | null;
  triggered_by: string | null;
  queued_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
}

/** An execution with its input, output and the memories its prompt cited: `GET …/agents/executions/:id`. */
export interface ExecutionDetail extends ExecutionSummary {
  input: Json;
  output: Json | null;
  citations: Citation[];
}

const SUMMARY = (tx: Tx) => tx`
  e.id, a.code as agent_code, g.slug as guild, e.status, e.model, e.provider, e.tokens_in, e.tokens_out,
  e.cost_usd::float8 as cost_usd, e.cached, e.latency_ms, e.attempts, e.error, e.request_id, e.graph_id, e.node_key,
  e.message_id, e.triggered_by, e.queued_at, e.started_at, e.completed_at, e.created_at`;

const FROM = (tx: Tx) => tx`
  public.agent_execution_logs e
  join public.agent_registry a on a.id = e.agent_id
  join public.guilds g on g.id = a.guild_id`;

/** One page of a workspace's executions, newest first unless asked otherwise. */
export async function listExecutions(
  tx: Tx,
  workspaceId: string,
  query: v.InferOutput<typeof ExecutionListQuery>,
): Promise<Page<ExecutionSummary>> {
  const rows = await tx<(ExecutionSummary & { [CURSOR_COLUMN]: string | null })[]>`
    select ${SUMMARY(tx)}, ${cursorSelect(tx, query, "e")}
    from ${FROM(tx)}
    where ${and(tx, [
      equals(tx, "workspace_id", workspaceId, "e"),
      oneOf(tx, "status", query.status, "e"),
      equals(tx, "code", query.agent_code, "a"),
      equals(tx, "graph_id", query.graph_id, "e"),
      equals(tx, "request_id", query.request_id, "e"),
      keysetCondition(tx, query, "e"),
    ])}
    ${orderByClause(tx, query, "e")}
    limit ${query.limit + 1}`;
  return toPage(rows, query);
}

/** One execution of a workspace with input and output, or undefined. */
export async function getExecution(tx: Tx, workspaceId: string, id: string): Promise<ExecutionDetail | undefined> {
  const [row] = await tx<ExecutionDetail[]>`
    select ${SUMMARY(tx)}, e.input, e.output, e.citations
    from ${FROM(tx)}
    where e.workspace_id = ${workspaceId} and e.id = ${id}`;
  return row;
}
