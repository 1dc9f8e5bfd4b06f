import { Hono } from "hono";
import { claimsOf } from "../../shared/agents/runtime/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { withUser } from "../../shared/db/database.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { validate } from "../../shared/http/validate.ts";
import { type ExecutionDetail, type ExecutionSummary, getExecution, listExecutions } from "./executions-query.ts";
import { type DataResponse, type ListResponse, listOf } from "./responses.ts";
import { ExecutionListQuery, IdParam } from "./schemas.ts";

/** `GET …/agents/executions` response. */
export type ExecutionListResponse = ListResponse<ExecutionSummary>;
/** `GET …/agents/executions/:id` response. */
export type ExecutionResponse = DataResponse<ExecutionDetail>;

/** Executions: listable with filters and inspectable one by one, through RLS as the caller. */
export const executionsApp = new Hono<AppEnv>()
  .use(requirePermission("agents:read"))
  .get("/", validate("query", ExecutionListQuery), async (c) => {
    const workspaceId = c.get("workspaceId") as string;
    const claims = claimsOf(c.get("caller")!);
    const page = await withUser(c.get("services").sql, claims, (tx) =>
      listExecutions(tx, workspaceId, c.req.valid("query")),
    );
    return c.json(listOf(page) satisfies ExecutionListResponse);
  })
  .get("/:id", validate("param", IdParam), async (c) => {
    const workspaceId = c.get("workspaceId") as string;
    const claims = claimsOf(c.get("caller")!);
    const execution = await withUser(c.get("services").sql, claims, (tx) =>
      getExecution(tx, workspaceId, c.req.valid("param").id),
    );
    if (!execution) throw ApiError.notFound("Execution not found", "EXECUTION_NOT_FOUND");
    return c.json({ data: execution } satisfies ExecutionResponse);
  });
