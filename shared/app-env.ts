import type { Logger } from "./logging/logger.ts";
import type { Services } from "./services/services.ts";

/** Who is calling, once authentication has run. */
export interface Caller {
  userId: string;
  email: string | null;
  /** Claims as Postgres sees them in `request.jwt.claims` (RLS). */
  claims: Record<string, unknown>;
  kind: "user" | "api_key";
  /** Set for API-key callers: the one workspace and role the key is scoped to. */
  apiKey?: { id: string; workspaceId: string; role: string };
}

/** Hono environment shared by every endpoint group. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    requestId: string;
    logger: Logger;
    services: Services;
    caller?: Caller;
    workspaceId?: string;
    workspaceRole?: string;
    workspacePlan?: string;
  };
};
