import { Hono } from "hono";
import { AnalyzeArchitectureInput } from "../../../durable-objects/lords/architect/analyze-architecture.ts";
import { DesignInitiativeInput } from "../../../durable-objects/lords/architect/design-initiative.ts";
import { OptimizeComponentInput } from "../../../durable-objects/lords/architect/optimize-component.ts";
import { ProvideGuidanceInput } from "../../../durable-objects/lords/architect/provide-strategic-guidance.ts";
import { ReviewGuildStrategyInput } from "../../../durable-objects/lords/architect/review-guild-strategy.ts";
import { RouteRequestInput } from "../../../durable-objects/lords/architect/route-request.ts";
import { TransitionInitiativeBody } from "../../../durable-objects/lords/architect/transition-initiative.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { lordAction, lordQuery } from "../routes.ts";
import {
  GuildGuidanceQuery,
  GuildParams,
  InitiativeParams,
  ListDecisionsQuery,
  ListInitiativesQuery,
} from "./schemas.ts";

// Response types of the routes (their `data`), for clients and tests.
export type { AnalyzedComponent } from "../../../durable-objects/lords/architect/analyze-architecture.ts";
export type { DesignedInitiative } from "../../../durable-objects/lords/architect/design-initiative.ts";
export type { InitiativeDetail, InitiativeView } from "../../../durable-objects/lords/architect/initiative-rows.ts";
export type { ArchitectDecision } from "../../../durable-objects/lords/architect/list-decisions.ts";
export type { InitiativeMove } from "../../../durable-objects/lords/architect/move-initiative.ts";
export type { OptimizationPlan } from "../../../durable-objects/lords/architect/optimize-component.ts";
export type { ProvidedGuidance } from "../../../durable-objects/lords/architect/provide-strategic-guidance.ts";
export type { StrategyReview } from "../../../durable-objects/lords/architect/review-guild-strategy.ts";
export type { RoutedRequest } from "../../../durable-objects/lords/architect/route-request.ts";

const lord = "architect";

/**
 * The Architect's routes under `/lords/architect` (council-of-lords-plan.md §4.1), plus the
 * lifecycle transition, strategy review and request routing its capabilities add. `status` and
 * the `/ws/lords/architect` socket are served for every Lord.
 */
export const architectRoutes = new Hono<AppEnv>()
  .post("/initiatives/design", ...lordAction(lord, "design_initiative", DesignInitiativeInput, { status: 201 }))
  .get("/initiatives", ...lordQuery(lord, "list_initiatives", ListInitiativesQuery))
  .get("/initiatives/:id", ...lordQuery(lord, "get_initiative", undefined, { params: InitiativeParams }))
  .post("/initiatives/:id/approve", ...lordAction(lord, "approve_initiative", undefined, { params: InitiativeParams }))
  .post(
    "/initiatives/:id/transition",
    ...lordAction(lord, "transition_initiative", TransitionInitiativeBody, { params: InitiativeParams }),
  )
  .post("/architecture/analyze", ...lordAction(lord, "analyze_architecture", AnalyzeArchitectureInput, { status: 201 }))
  .post("/architecture/optimize", ...lordAction(lord, "optimize_component", OptimizeComponentInput, { status: 201 }))
  .post("/guidance/provide", ...lordAction(lord, "provide_strategic_guidance", ProvideGuidanceInput, { status: 201 }))
  .get("/guidance/:guild_name", ...lordQuery(lord, "get_guild_guidance", GuildGuidanceQuery, { params: GuildParams }))
  .post("/strategy/review", ...lordAction(lord, "review_guild_strategy", ReviewGuildStrategyInput, { status: 201 }))
  .post("/requests/route", ...lordAction(lord, "route_request", RouteRequestInput, { status: 201 }))
  .get("/decisions", ...lordQuery(lord, "list_decisions", ListDecisionsQuery));
