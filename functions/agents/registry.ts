import { Hono } from "hono";
import { getAgent, listAgents, type RegistryEntry, toRegistryEntry } from "../../shared/agents/registry/index.ts";
import type { AppEnv } from "../../shared/app-env.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import { rateLimit } from "../../shared/http/rate-limit.ts";
import { validate } from "../../shared/http/validate.ts";
import type { DataResponse, ListResponse } from "./responses.ts";
import { AgentCodeParam, RegistryQuery } from "./schemas.ts";

/** `GET /api/agents/registry` response: every matching agent on one page. */
export type RegistryResponse = ListResponse<RegistryEntry>;
/** `GET /api/agents/:code` response. */
export type AgentResponse = DataResponse<RegistryEntry>;

// The registry is code: its JSON (schemas included) is the same for every request of an isolate.
let entries: Map<string, RegistryEntry> | undefined;
const entryOf = (code: string): RegistryEntry => {
  entries ??= new Map();
  let entry = entries.get(code);
  if (!entry) {
    const agent = getAgent(code);
    if (!agent) throw ApiError.notFound(`No agent with code ${code}`, "AGENT_NOT_FOUND");
    entry = toRegistryEntry(agent);
    entries.set(code, entry);
  }
  return entry;
};

/** The agent registry: global reference data for any signed-in caller (authenticated app-wide). */
export const registryApp = new Hono<AppEnv>()
  .use(rateLimit())
  .get("/registry", validate("query", RegistryQuery), (c) => {
    const data = listAgents(c.req.valid("query")).map((agent) => entryOf(agent.code));
    return c.json({ data, next_cursor: null } satisfies RegistryResponse);
  })
  .get("/:code", validate("param", AgentCodeParam), (c) =>
    c.json({ data: entryOf(c.req.valid("param").code.toUpperCase()) } satisfies AgentResponse),
  );
