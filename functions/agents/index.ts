import { Hono } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { costsApp } from "./costs.ts";
import { deadLettersApp } from "./dead-letters.ts";
import { executionsApp } from "./executions.ts";
import { invokeApp } from "./invoke.ts";
import { registryApp } from "./registry.ts";

export type { CacheFigures, Costs, CostsResponse } from "./costs.ts";
export type { DeadLetterListResponse, RetryResponse } from "./dead-letters.ts";
export type { ExecutionListResponse, ExecutionResponse } from "./executions.ts";
export type { BatchResponse, Invocation, InvokeResponse } from "./invoke.ts";
export type { AgentResponse, RegistryResponse } from "./registry.ts";
export type { DataResponse, ListResponse } from "./responses.ts";

// Authentication, workspace access, rate limits and Idempotency-Key run app-wide before these (app.ts).
const workspaceScoped = new Hono<AppEnv>()
  .route("/agents/executions", executionsApp)
  .route("/agents/dead-letters", deadLettersApp)
  .route("/agents", invokeApp)
  .route("/costs", costsApp);

/**
 * The agents API: the global registry at `/api/agents`, and per workspace invocation, executions,
 * dead letters and costs at `/api/workspaces/:workspaceId/…`. Mount at the root.
 */
export const agentsApi = new Hono<AppEnv>()
  .route("/api/agents", registryApp)
  .route("/api/workspaces/:workspaceId", workspaceScoped);
