import type postgres from "postgres";
import type { Tx } from "../../db/database.ts";
import type { AgentExecutionLogsProvider, AgentExecutionLogsStatus } from "../../db/rows.generated.ts";
import { OFFLINE_PROVIDER } from "../../models/offline-provider.ts";
import type { ProviderName } from "../../models/tiers.ts";
import type { Citation } from "./knowledge.ts";

/** Statuses after which an execution never runs again (short of an admin retry of a dead letter). */
export const TERMINAL_STATUSES: readonly AgentExecutionLogsStatus[] = [
  "succeeded",
  "failed",
  "cancelled",
  "dead_lettered",
];

/**
 * How long a claim holds. A delivery that died mid-run (isolate evicted) leaves its row `running`; once the
 * lease lapses, QStash's redelivery may claim it again. Longer than any model call the router allows.
 */
export const CLAIM_LEASE_SECONDS = 120;

/** An execution row as the runtime reads it. */
export interface ExecutionRecord {
  id: string;
  workspace_id: string;
  agent_code: string;
  status: AgentExecutionLogsStatus;
  input: unknown;
  output: unknown;
  tokens_in: number;
  tokens_out: number;
  cost_usd: string;
  attempts: number;
  error: string | null;
  request_id: string | null;
  graph_id: string | null;
  node_key: string | null;
  triggered_by: string | null;
}

/** What to insert for one queued execution. */
export interface NewExecution {
  id: string;
  workspaceId: string;
  agentCode: string;
  capability: string | null;
  input: unknown;
  requestId: string | null;
  triggeredBy: string | null;
  graphId?: string | null;
  nodeKey?: string | null;
}

/** The schema's provider column predates the offline model: it is recorded as `local`. */
export function providerColumn(provider: ProviderName): AgentExecutionLogsProvider {
  return provider === OFFLINE_PROVIDER ? "local" : provider;
}

const json = (tx: Tx, value: unknown) => tx.json(value as postgres.JSONValue);

/** Inserts queued executions; the agent id is looked up by code so registry ids never leak into callers. */
export async function insertExecutions(tx: Tx, rows: readonly NewExecution[]): Promise<void> {
  for (const row of rows) {
    const inserted = await tx`
      insert into public.agent_execution_logs
        (id, workspace_id, agent_id, capability, status, input, request_id, triggered_by, graph_id, node_key)
      select ${row.id}, ${row.workspaceId}, a.id, ${row.capability}, 'queued', ${json(tx, row.input)},
             ${row.requestId}, ${row.triggeredBy}, ${row.graphId ?? null}, ${row.nodeKey ?? null}
      from public.agent_registry a where a.code = ${row.agentCode} and a.is_active`;
    if (inserted.count !== 1) throw new Error(`agent ${row.agentCode} is not in the database registry or inactive`);
  }
}

const SELECT_RECORD = (tx: Tx) => tx`
  e.id, e.workspace_id, a.code as agent_code, e.status, e.input, e.output, e.tokens_in, e.tokens_out,
  e.cost_usd, e.attempts, e.error, e.request_id, e.graph_id, e.node_key, e.triggered_by`;

/**
 * Claims a queued execution (or one whose claim lapsed) for this delivery: the conditional update is what
 * makes a redelivered message run the model at most once.
 */
export async function claimExecution(
  tx: Tx,
  claim: { id: string; workspaceId: string; messageId: string | null },
): Promise<ExecutionRecord | undefined> {
  const [row] = await tx<ExecutionRecord[]>`
    with claimed as (
      update public.agent_execution_logs
      set status = 'running', started_at = now(), completed_at = null,
          message_id = coalesce(${claim.messageId}, message_id)
      where id = ${claim.id} and workspace_id = ${claim.workspaceId}
        and (status = 'queued'
             or (status = 'running' and started_at < now() - make_interval(secs => ${CLAIM_LEASE_SECONDS})))
      returning *
    )
    select ${SELECT_RECORD(tx)} from claimed e join public.agent_registry a on a.id = e.agent_id`;
  return row;
}

/** One execution of a workspace, or undefined. */
export async function loadExecution(tx: Tx, id: string, workspaceId: string): Promise<ExecutionRecord | undefined> {
  const [row] = await tx<ExecutionRecord[]>`
    select ${SELECT_RECORD(tx)}
    from public.agent_execution_logs e join public.agent_registry a on a.id = e.agent_id
    where e.id = ${id} and e.workspace_id = ${workspaceId}`;
  return row;
}

/** Every execution of one graph run, keyed by step. */
export async function loadGraph(tx: Tx, graphId: string, workspaceId: string): Promise<ExecutionRecord[]> {
  return tx<ExecutionRecord[]>`
    select ${SELECT_RECORD(tx)}
    from public.agent_execution_logs e join public.agent_registry a on a.id = e.agent_id
    where e.workspace_id = ${workspaceId} and e.graph_id = ${graphId}`;
}

/** Model spend of one delivery, added to what earlier deliveries of the same execution spent. */
export interface DeliverySpend {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  attempts: number;
}

/** A finished run: the object, the model that produced it, and the knowledge it was prompted with. */
export interface Completion extends DeliverySpend {
  output: unknown;
  provider: ProviderName;
  model: string;
  latencyMs: number;
  /** The output came from the response cache: no model was called for it. */
  cached: boolean;
  citations: readonly Citation[];
}

/** Marks a running execution succeeded; false when it was no longer running (someone else finished it). */
export async function completeExecution(tx: Tx, id: string, workspaceId: string, done: Completion): Promise<boolean> {
  const result = await tx`
    update public.agent_execution_logs
    set status = 'succeeded', output = ${json(tx, done.output)}, error = null,
        provider = ${providerColumn(done.provider)}, model = ${done.model},
        tokens_in = tokens_in + ${done.inputTokens}, tokens_out = tokens_out + ${done.outputTokens},
        cost_usd = cost_usd + ${done.costUsd}, attempts = attempts + ${done.attempts},
        latency_ms = ${Math.round(done.latencyMs)}, cached = ${done.cached}, citations = ${json(tx, done.citations)},
        completed_at = now()
    where id = ${id} and workspace_id = ${workspaceId} and status = 'running'`;
  return result.count === 1;
}

/** Marks a running (or, for budget refusals and blocked steps, queued) execution failed with its spend. */
export async function failExecution(
  tx: Tx,
  id: string,
  workspaceId: string,
  failure: {
    error: string;
    spend: DeliverySpend;
    provider?: ProviderName;
    model?: string;
    latencyMs?: number;
    citations?: readonly Citation[];
  },
): Promise<boolean> {
  const { spend } = failure;
  const result = await tx`
    update public.agent_execution_logs
    set status = 'failed', error = ${failure.error},
        provider = coalesce(${failure.provider ? providerColumn(failure.provider) : null}, provider),
        model = coalesce(${failure.model ?? null}, model),
        tokens_in = tokens_in + ${spend.inputTokens}, tokens_out = tokens_out + ${spend.outputTokens},
        cost_usd = cost_usd + ${spend.costUsd}, attempts = attempts + ${spend.attempts},
        latency_ms = coalesce(${failure.latencyMs === undefined ? null : Math.round(failure.latencyMs)}, latency_ms),
        citations = coalesce(${failure.citations ? json(tx, failure.citations) : null}, citations),
        started_at = coalesce(started_at, now()), completed_at = now()
    where id = ${id} and workspace_id = ${workspaceId} and status in ('running', 'queued')`;
  return result.count === 1;
}

/** Hands a running execution back to the queue (a transient failure QStash will redeliver), keeping its spend. */
export async function releaseExecution(
  tx: Tx,
  id: string,
  workspaceId: string,
  release: { error: string; spend: DeliverySpend },
): Promise<void> {
  const { spend } = release;
  await tx`
    update public.agent_execution_logs
    set status = 'queued', error = ${release.error},
        tokens_in = tokens_in + ${spend.inputTokens}, tokens_out = tokens_out + ${spend.outputTokens},
        cost_usd = cost_usd + ${spend.costUsd}, attempts = attempts + ${spend.attempts}
    where id = ${id} and workspace_id = ${workspaceId} and status = 'running'`;
}

/** Fails queued steps of a graph that can no longer run because a step upstream broke. */
export async function failBlockedSteps(
  tx: Tx,
  graphId: string,
  workspaceId: string,
  blocked: readonly { nodeKey: string; error: string }[],
): Promise<ExecutionRecord[]> {
  const failed: ExecutionRecord[] = [];
  for (const step of blocked) {
    const [row] = await tx<ExecutionRecord[]>`
      with failed as (
        update public.agent_execution_logs
        set status = 'failed', error = ${step.error}, completed_at = now(), started_at = coalesce(started_at, now())
        where workspace_id = ${workspaceId} and graph_id = ${graphId} and node_key = ${step.nodeKey} and status = 'queued'
        returning *
      )
      select ${SELECT_RECORD(tx)} from failed e join public.agent_registry a on a.id = e.agent_id`;
    if (row) failed.push(row);
  }
  return failed;
}
