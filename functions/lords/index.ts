import { Hono } from "hono";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import type { LordName } from "../../shared/events/catalogue.ts";
import { validate } from "../../shared/http/validate.ts";
import { aestheteRoutes } from "./aesthete/index.ts";
import { arbiterRoutes } from "./arbiter/index.ts";
import { architectRoutes } from "./architect/index.ts";
import { cognitionRoutes } from "./cognition/index.ts";
import { heraldRoutes } from "./herald/index.ts";
import { seerRoutes } from "./seer/index.ts";
import { lordSocket, SocketQuerySchema, workspaceSocket } from "./sockets.ts";
import { councilStatus, LordParamSchema, lordStatus } from "./status.ts";
import { strategosRoutes } from "./strategos/index.ts";

export { type LordRoute, type LordSuccess, lordAction, lordQuery } from "./routes.ts";

/**
 * Each Lord's own HTTP routes (built with `lordAction`/`lordQuery`), mounted at
 * `/lords/<lord>`: add one import and one entry when a Lord's folder lands. `status` is
 * served for every Lord below, so a Lord's routes do not declare it.
 */
const LORD_ROUTES: Partial<Record<LordName, Hono<AppEnv>>> = {
  architect: architectRoutes,
  cognition: cognitionRoutes,
  aesthete: aestheteRoutes,
  seer: seerRoutes,
  strategos: strategosRoutes,
  arbiter: arbiterRoutes,
  herald: heraldRoutes,
};

/**
 * The Council's HTTP and WebSocket surface, mounted under `/api/workspaces/:workspaceId`
 * (where the app has already authenticated the caller and resolved their workspace role).
 */
export const lordsApp = new Hono<AppEnv>()
  .get("/lords/council/status", requirePermission("lords:read"), (c) => councilStatus(c))
  .get("/lords/:lord/status", requirePermission("lords:read"), validate("param", LordParamSchema), (c) =>
    lordStatus(c, c.req.valid("param").lord),
  )
  .get(
    "/ws/lords/:lord",
    requirePermission("lords:read"),
    validate("param", LordParamSchema),
    validate("query", SocketQuerySchema),
    (c) => lordSocket(c, c.req.valid("param").lord, c.req.valid("query").last_event_id ?? null),
  )
  .get("/ws/workspace", requirePermission("events:read"), validate("query", SocketQuerySchema), (c) =>
    workspaceSocket(c, c.req.valid("query").last_event_id ?? null),
  );

for (const [lord, routes] of Object.entries(LORD_ROUTES)) lordsApp.route(`/lords/${lord}`, routes);
