import { Hono } from "hono";
import {
  claimsOf,
  invokerOf,
  type RetryResult,
  retryDeadLetter,
  runtimeDepsOf,
} from "../../shared/agents/runtime/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import { withUser } from "../../shared/db/database.ts";
import { equals, listPage, oneOf } from "../../shared/db/pagination.ts";
import type { DeadLettersRow } from "../../shared/db/rows.generated.ts";
import { validate } from "../../shared/http/validate.ts";
import { type DataResponse, type ListResponse, listOf } from "./responses.ts";
import { DeadLetterListQuery, IdParam } from "./schemas.ts";

/** `GET …/agents/dead-letters` response. */
export type DeadLetterListResponse = ListResponse<DeadLettersRow>;
/** `POST …/agents/dead-letters/:id/retry` 202 response. */
export type RetryResponse = DataResponse<RetryResult>;

/**
 * Dead letters: executions QStash gave up on. Listing needs the operator role (as RLS does); retrying,
 * which spends budget again, is for admins.
 */
export const deadLettersApp = new Hono<AppEnv>()
  .get("/", requirePermission("agents:invoke"), validate("query", DeadLetterListQuery), async (c) => {
    const workspaceId = c.get("workspaceId") as string;
    const query = c.req.valid("query");
    const page = await withUser(c.get("services").sql, claimsOf(c.get("caller")!), (tx) =>
      listPage<DeadLettersRow>(tx, {
        table: "public.dead_letters",
        where: [equals(tx, "workspace_id", workspaceId), oneOf(tx, "status", query.status)],
        query,
      }),
    );
    return c.json(listOf(page) satisfies DeadLetterListResponse);
  })
  .post("/:id/retry", requirePermission("dead_letters:retry"), validate("param", IdParam), async (c) => {
    const result = await retryDeadLetter(runtimeDepsOf(c), invokerOf(c), c.req.valid("param").id);
    return c.json({ data: result } satisfies RetryResponse, 202);
  });
