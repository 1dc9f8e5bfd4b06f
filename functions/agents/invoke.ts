import { Hono } from "hono";
import { getAgent } from "../../shared/agents/registry/index.ts";
import {
  type EnqueueResult,
  enqueueInvocations,
  type InvocationSpec,
  invokerOf,
  type QueuedExecution,
  runtimeDepsOf,
} from "../../shared/agents/runtime/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { ApiError, type ErrorDetail } from "../../shared/http/api-error.ts";
import { validate } from "../../shared/http/validate.ts";
import type { ExecutionDetail } from "./executions-query.ts";
import type { DataResponse } from "./responses.ts";
import { AgentCodeParam, GraphBody, InvokeBody, InvokeQuery, ParallelBody } from "./schemas.ts";
import { waitForExecution } from "./wait.ts";

/** One invocation: the execution (finished, with `?wait=true`, once it is) and the budget it ran under. */
export interface Invocation {
  execution: QueuedExecution | ExecutionDetail;
  budget: EnqueueResult["budget"];
  /** True when `?wait=true` saw the execution finish. */
  completed: boolean;
}

/** `POST …/agents/:code/invoke` 202 response (and 200 with `?wait=true` once finished). */
export type InvokeResponse = DataResponse<Invocation>;

/** `POST …/agents/invoke/parallel` and `…/invoke/graph` 202 response. */
export type BatchResponse = DataResponse<EnqueueResult>;

/** Resolves agent codes; unknown ones are a 400 naming each field. */
function resolve<T extends { agent_code: string; input: unknown }>(
  items: readonly T[],
  field: (i: number) => string,
  refresh: boolean,
): { spec: InvocationSpec; item: T }[] {
  const unknown: ErrorDetail[] = [];
  const specs = items.flatMap((item, i) => {
    const agent = getAgent(item.agent_code);
    if (!agent) {
      unknown.push({ field: `${field(i)}.agent_code`, message: `no agent with code ${item.agent_code}` });
      return [];
    }
    return [{ spec: { agent, input: item.input, field: `${field(i)}.input`, refresh }, item }];
  });
  if (unknown.length > 0) throw ApiError.validation(unknown);
  return specs;
}

/**
 * Invocation: one agent, a parallel fan-out, or a dependency graph; all queue and answer 202. An identical
 * invocation is answered from the response cache unless the body says `refresh: true` (regenerate).
 */
export const invokeApp = new Hono<AppEnv>()
  .use(requirePermission("agents:invoke"))
  .post("/invoke/parallel", validate("json", ParallelBody), async (c) => {
    const { invocations, refresh } = c.req.valid("json");
    const specs = resolve(invocations, (i) => `invocations.${i}`, refresh).map(({ spec }) => spec);
    const result = await enqueueInvocations(runtimeDepsOf(c), invokerOf(c), specs, { graph: false });
    return c.json({ data: result } satisfies BatchResponse, 202);
  })
  .post("/invoke/graph", validate("json", GraphBody), async (c) => {
    const { nodes, refresh } = c.req.valid("json");
    const specs = resolve(nodes, (i) => `nodes.${i}`, refresh).map(({ spec, item }) => ({
      ...spec,
      nodeKey: item.key,
      dependsOn: item.depends_on,
    }));
    const result = await enqueueInvocations(runtimeDepsOf(c), invokerOf(c), specs, { graph: true });
    return c.json({ data: result } satisfies BatchResponse, 202);
  })
  .post(
    "/:code/invoke",
    validate("json", InvokeBody),
    validate("param", AgentCodeParam),
    validate("query", InvokeQuery),
    async (c) => {
      const agent = getAgent(c.req.valid("param").code);
      if (!agent) throw ApiError.notFound(`No agent with code ${c.req.valid("param").code}`, "AGENT_NOT_FOUND");
      const invoker = invokerOf(c);
      const deps = runtimeDepsOf(c);
      const { input, refresh } = c.req.valid("json");
      const spec: InvocationSpec = { agent, input, field: "input", refresh };
      const { executions, budget } = await enqueueInvocations(deps, invoker, [spec], { graph: false });
      const queued = executions[0] as QueuedExecution;
      const query = c.req.valid("query");
      if (query.wait !== "true") {
        return c.json({ data: { execution: queued, budget, completed: false } } satisfies InvokeResponse, 202);
      }
      const seen = await waitForExecution(
        deps.sql,
        invoker.claims,
        invoker.workspaceId,
        queued.execution_id,
        query.wait_seconds * 1000,
      );
      const completed = seen !== undefined && seen.status !== "queued" && seen.status !== "running";
      const body: InvokeResponse = { data: { execution: seen ?? queued, budget, completed } };
      return c.json(body, completed ? 200 : 202);
    },
  );
