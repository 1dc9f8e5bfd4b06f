import * as v from "valibot";
import { CAPABILITIES, GUILDS } from "../../shared/agents/registry/index.ts";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../shared/db/pagination.ts";
import { columnValues } from "../../shared/db/rows.generated.ts";

const AgentCode = v.pipe(v.string(), v.regex(/^[A-Za-z]+-\d{3}$/, "agent_code must look like RES-001"));
const StepKey = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_-]{0,63}$/, "step keys are lower-case identifiers"));

/** Most invocations one parallel request or graph may queue. */
export const MAX_BATCH = 25;
/** Longest `?wait=true` holds the request open. */
export const MAX_WAIT_SECONDS = 30;

/** `GET /api/agents/registry` filters. */
export const RegistryQuery = v.object({
  guild: v.optional(v.picklist(GUILDS, `guild must be one of ${GUILDS.join(", ")}`)),
  capability: v.optional(v.picklist(CAPABILITIES, "capability is not in the capability vocabulary")),
});

/** `:code` of an agent route. */
export const AgentCodeParam = v.object({ code: AgentCode });

/** `POST …/agents/:code/invoke` query: `?wait=true` waits up to `wait_seconds` for the result. */
export const InvokeQuery = v.object({
  wait: v.optional(v.picklist(["true", "false"], "wait must be true or false"), "false"),
  wait_seconds: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,3}$/, "wait_seconds must be a whole number"),
      v.transform(Number),
      v.minValue(1),
      v.maxValue(MAX_WAIT_SECONDS, `wait_seconds is at most ${MAX_WAIT_SECONDS}`),
    ),
    "25",
  ),
});

/** `refresh: true` regenerates: the response cache is bypassed and the new answer replaces the cached one. */
const Refresh = v.optional(v.boolean("refresh must be true or false"), false);

/** `POST …/agents/:code/invoke` body: the agent's input, validated against its own schema. */
export const InvokeBody = v.strictObject({ input: v.unknown(), refresh: Refresh });

/** `POST …/agents/invoke/parallel` body: agents run at once, each with its own input. */
export const ParallelBody = v.strictObject({
  invocations: v.pipe(
    v.array(v.strictObject({ agent_code: AgentCode, input: v.unknown() })),
    v.minLength(1, "invocations must not be empty"),
    v.maxLength(MAX_BATCH, `at most ${MAX_BATCH} invocations per request`),
  ),
  refresh: Refresh,
});

/** `POST …/agents/invoke/graph` body: steps, each an agent with its input and the steps it waits for. */
export const GraphBody = v.strictObject({
  nodes: v.pipe(
    v.array(
      v.strictObject({
        key: StepKey,
        agent_code: AgentCode,
        input: v.unknown(),
        depends_on: v.optional(v.pipe(v.array(StepKey), v.maxLength(MAX_BATCH)), []),
      }),
    ),
    v.minLength(1, "nodes must not be empty"),
    v.maxLength(MAX_BATCH, `at most ${MAX_BATCH} nodes per graph`),
  ),
  refresh: Refresh,
});

const Uuid = v.pipe(v.string(), v.uuid("must be a UUID"));

/** `GET …/agents/executions` filters and paging. */
export const ExecutionListQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at"], defaultSort: "-created_at" }),
    status: v.optional(csvPicklist(columnValues.agent_execution_logs.status, "status")),
    agent_code: v.optional(v.pipe(AgentCode, v.toUpperCase())),
    graph_id: v.optional(Uuid),
    request_id: v.optional(v.pipe(v.string(), v.maxLength(200))),
  }),
  cursorMatchesSort(),
);

/** `:id` of an execution or dead letter. */
export const IdParam = v.object({ id: Uuid });

/** `GET …/agents/dead-letters` filters and paging. */
export const DeadLetterListQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at"], defaultSort: "-created_at" }),
    status: v.optional(csvPicklist(columnValues.dead_letters.status, "status")),
  }),
  cursorMatchesSort(),
);

const Day = v.pipe(v.string(), v.isoDate("must be a date, YYYY-MM-DD"));

/** `GET …/costs` period (default: the current month) . */
export const CostsQuery = v.pipe(
  v.object({ from: v.optional(Day), to: v.optional(Day) }),
  v.check((q) => !q.from || !q.to || q.from <= q.to, "from must not be after to"),
);
