import * as v from "valibot";
import { oneOf, strictBody, text, uuid } from "../../../functions/campaigns/fields.ts";
import { type AgentDefinition, getAgent } from "../../../shared/agents/registry/index.ts";
import { type EnqueueResult, enqueueInvocations, type RuntimeDeps } from "../../../shared/agents/runtime/index.ts";
import { publishEvents } from "../../../shared/events/publish.ts";
import { loadModelSettings } from "../../../shared/models/model-settings.ts";
import { type CapabilityContext, defineCapability } from "../capability.ts";
import { initiativeLink } from "./inputs.ts";
import { REQUEST_TYPES, ROUTE_PRIORITIES, ROUTING_TABLE, type RoutePriority } from "./routing-table.ts";

/** `POST /requests/route`: a request of a known type and the input its agents read. */
export const RouteRequestInput = strictBody({
  request_type: oneOf(REQUEST_TYPES, "request_type"),
  input: v.pipe(
    v.unknown(),
    // valibot's record takes arrays for objects (and rebuilds them keyed by index): refuse them first.
    v.check((value) => !Array.isArray(value), "input must be a JSON object"),
    v.record(v.string(), v.unknown(), "input must be a JSON object"),
  ),
  priority: v.optional(oneOf(ROUTE_PRIORITIES, "priority")),
  summary: v.optional(text("summary", 1000)),
  campaign_id: v.optional(uuid("campaign_id")),
  ...initiativeLink,
});

/** The routing decision and the executions it queued. */
export interface RoutedRequest {
  decision_id: string;
  request_type: string;
  guild: string;
  agent_codes: string[];
  priority: RoutePriority;
  rationale: string;
  executions: EnqueueResult["executions"];
  budget: EnqueueResult["budget"];
}

/**
 * Routes a request by the routing table (request type → guild → agents), queues one invocation
 * per agent through the agent runtime (each input checked against the agent's schema, the budget
 * checked, executions recorded and published to QStash), then records the routing decision with
 * the execution ids and emits `request.routed`. Nothing is recorded when queueing is refused.
 */
export const routeRequest = defineCapability({
  name: "route_request",
  description: "Routes a request to a guild's agents by the routing table and queues their invocations",
  input: RouteRequestInput,
  mutates: true,
  async handler(input, ctx): Promise<RoutedRequest> {
    const route = ROUTING_TABLE[input.request_type];
    const agents = route.agentCodes.map((code): AgentDefinition => {
      const agent = getAgent(code);
      if (!agent) throw new Error(`routing table names unknown agent ${code}`);
      return agent;
    });
    const priority = input.priority ?? route.priority;
    const queued = await enqueueInvocations(
      runtimeDeps(ctx),
      { workspaceId: ctx.workspaceId, userId: ctx.actor.userId, requestId: ctx.requestId, claims: ctx.actor.claims },
      agents.map((agent) => ({ agent, input: input.input, field: "input" })),
      { graph: false },
    );
    const executionIds = queued.executions.map((e) => e.execution_id);

    const decisionId = await ctx.transaction(async (tx, emit) => {
      const [decision] = await tx<{ id: string }[]>`
        insert into public.decisions (workspace_id, lord, decision_type, title, context, recommendation, rationale,
                                      status, initiative_id, decided_by, decided_at)
        values (${ctx.workspaceId}, 'architect', 'routing',
                ${`Route ${input.request_type} to ${route.guild}: ${route.agentCodes.join(", ")}`.slice(0, 300)},
                ${tx.json({
                  request_type: input.request_type,
                  summary: input.summary ?? null,
                  guild: route.guild,
                  agent_codes: [...route.agentCodes],
                  priority,
                  execution_ids: executionIds,
                  campaign_id: input.campaign_id ?? null,
                })},
                ${`Queue ${route.agentCodes.join(", ")} in the ${route.guild} guild at ${priority} priority`},
                ${route.rationale}, 'implemented', ${input.initiative_id ?? null}, ${ctx.actor.userId}, now())
        returning id`;
      if (!decision) throw new Error("routing decision insert returned no row");
      await emit("request.routed", {
        decision_id: decision.id,
        request_type: input.request_type,
        guild: route.guild,
        agent_codes: [...route.agentCodes],
        priority,
        execution_ids: executionIds,
      });
      return decision.id;
    });
    ctx.state.count("requests_routed");
    ctx.state.count(`routed_to_${route.guild}`);
    return {
      decision_id: decisionId,
      request_type: input.request_type,
      guild: route.guild,
      agent_codes: [...route.agentCodes],
      priority,
      rationale: route.rationale,
      executions: queued.executions,
      budget: queued.budget,
    };
  },
});

// The agent runtime's dependencies from the Lord's own clients; its events reach the workspace bus.
function runtimeDeps(ctx: CapabilityContext): RuntimeDeps {
  const { sql, redis, qstash, config } = ctx.services;
  return {
    sql,
    redis,
    qstash,
    config,
    settings: loadModelSettings(ctx.env),
    logger: ctx.logger,
    broadcast: (events) => publishEvents(ctx.env, events, { logger: ctx.logger }),
  };
}
