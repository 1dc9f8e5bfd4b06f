import { type Tx, withService } from "../../db/database.ts";
import { getAgent } from "../registry/index.ts";
import { downstreamOf, type GraphNode, type NodeStatus, planGraph, readyDependents } from "./dag.ts";
import type { RuntimeDeps } from "./deps.ts";
import type { EventBatch } from "./events.ts";
import { type ExecutionRecord, failBlockedSteps, loadGraph } from "./execution-store.ts";
import type { ExecutionMessage } from "./messages.ts";
import type { UpstreamResult } from "./prompt.ts";
import { publishExecutions } from "./publisher.ts";

type GraphContext = NonNullable<ExecutionMessage["graph"]>;

/** The graph a message carries, as the DAG functions take it. */
export function graphNodes(graph: GraphContext): GraphNode[] {
  return graph.nodes.map((node) => ({ key: node.key, agentCode: node.agent_code, dependsOn: node.depends_on }));
}

/** The message that runs another step of the same graph run, inheriting who asked and the budget context. */
export function stepMessage(parent: ExecutionMessage, graph: GraphContext, row: ExecutionRecord): ExecutionMessage {
  return {
    ...parent,
    execution_id: row.id,
    agent_code: row.agent_code,
    graph: { ...graph, node_key: row.node_key ?? "" },
  };
}

/** Outputs of the steps `message`'s step depends on, for its prompt. */
export async function loadUpstream(deps: RuntimeDeps, message: ExecutionMessage): Promise<UpstreamResult[]> {
  const graph = message.graph;
  if (!graph) return [];
  const node = graph.nodes.find((n) => n.key === graph.node_key);
  if (!node || node.depends_on.length === 0) return [];
  const rows = await withService(deps.sql, (tx) => loadGraph(tx, graph.id, message.workspace_id));
  const byKey = new Map(rows.map((row) => [row.node_key, row]));
  return node.depends_on.map((key) => {
    const row = byKey.get(key);
    return { nodeKey: key, agentCode: row?.agent_code ?? "", output: row?.output ?? null };
  });
}

/**
 * Queues the dependents of a step that just succeeded whose other dependencies have succeeded too. Safe to
 * run twice (a redelivery re-runs it): publishing is deduplicated by execution id and claims are conditional.
 */
export async function releaseDependents(deps: RuntimeDeps, message: ExecutionMessage): Promise<number> {
  const graph = message.graph;
  if (!graph) return 0;
  const nodes = graphNodes(graph);
  const rows = await withService(deps.sql, (tx) => loadGraph(tx, graph.id, message.workspace_id));
  const status = new Map(rows.map((row) => [row.node_key ?? "", row.status as NodeStatus]));
  const ready = readyDependents(nodes, planGraph(nodes), graph.node_key, status);
  const byKey = new Map(rows.map((row) => [row.node_key, row]));
  const outgoing = ready.flatMap((key) => {
    const row = byKey.get(key);
    return row ? [{ message: stepMessage(message, graph, row), deduplicationId: row.id }] : [];
  });
  await publishExecutions(deps.qstash, deps.config.PUBLIC_BASE_URL, outgoing);
  return outgoing.length;
}

/**
 * Fails every queued step downstream of a step that failed, each saying which step broke and why, and
 * records `agent.failed` for each. Runs in the failing step's transaction.
 */
export async function failDownstream(
  tx: Tx,
  events: EventBatch,
  message: ExecutionMessage,
  reason: string,
): Promise<ExecutionRecord[]> {
  const graph = message.graph;
  if (!graph) return [];
  const nodes = graphNodes(graph);
  const downstream = downstreamOf(planGraph(nodes), graph.node_key);
  if (downstream.length === 0) return [];
  const error = blockedError(graph.node_key, message.agent_code, reason);
  const failed = await failBlockedSteps(
    tx,
    graph.id,
    message.workspace_id,
    downstream.map((nodeKey) => ({ nodeKey, error })),
  );
  for (const row of failed) {
    const agent = getAgent(row.agent_code);
    if (!agent) continue;
    await events.agent(
      tx,
      "agent.failed",
      {
        workspaceId: row.workspace_id,
        executionId: row.id,
        agentCode: row.agent_code,
        guild: agent.guild,
        requestId: row.request_id,
        actorId: row.triggered_by,
        graphId: graph.id,
        nodeKey: row.node_key,
      },
      { error, blocked_by: graph.node_key },
    );
  }
  return failed;
}

/** Prefix of the error a blocked step records; an admin retry of the failed step looks for it. */
export const BLOCKED_PREFIX = "Blocked: step";

/** The error a step records when something upstream failed. */
export function blockedError(nodeKey: string, agentCode: string, reason: string): string {
  return `${BLOCKED_PREFIX} "${nodeKey}" (${agentCode}) failed: ${reason}`;
}
