import type { Context, Handler, MiddlewareHandler } from "hono";
import type * as v from "valibot";
import type { AppEnv } from "../../shared/app-env.ts";
import { requirePermission } from "../../shared/auth/workspace-access.ts";
import type { LordName } from "../../shared/events/catalogue.ts";
import { validate } from "../../shared/http/validate.ts";
import { lordClient } from "../../shared/lords/client.ts";
import { actorOf, workspaceOf } from "./actor.ts";

/** A valibot schema for one part of a request. */
export type RequestSchema = v.GenericSchema;

/** Options of a Lord route. */
export interface LordRouteOptions {
  /** Path parameters, validated and merged into the capability's input (`/:id/approve`). */
  params?: RequestSchema;
  /** The success status (201 for routes that create). */
  status?: 200 | 201;
}

/** The handlers of one Lord route: permission, params, body or query, then `execute`. */
export type LordRoute = readonly [
  MiddlewareHandler<AppEnv>,
  MiddlewareHandler<AppEnv>,
  MiddlewareHandler<AppEnv>,
  Handler<AppEnv>,
];

const passThrough: MiddlewareHandler<AppEnv> = async function noValidation(_c, next) {
  await next();
};

// The handler reads the validated parts by target, untyped (the schemas vary per route), so a
// validator only needs to be middleware of this app; `validate` is typed for any app.
function validating(target: "param" | "json" | "query", schema: RequestSchema | undefined): MiddlewareHandler<AppEnv> {
  return schema ? (validate(target, schema) as unknown as MiddlewareHandler<AppEnv>) : passThrough;
}

/** What every Lord route answers with on success. */
export interface LordSuccess<T = unknown> {
  status: "success";
  data: T;
}

// Validated parts, as `validate` left them; absent parts contribute nothing to the input.
function validated(c: Context<AppEnv>, target: "param" | "json" | "query", present: boolean): Record<string, unknown> {
  if (!present) return {};
  const value = (c.req.valid as (target: string) => unknown)(target);
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

function route(
  lord: LordName,
  capability: string,
  action: "lords:act" | "lords:read",
  target: "json" | "query",
  schema: RequestSchema | undefined,
  options: LordRouteOptions,
): LordRoute {
  return [
    requirePermission(action),
    validating("param", options.params),
    validating(target, schema),
    async function executeLordCapability(c) {
      const input = { ...validated(c, target, schema !== undefined), ...validated(c, "param", !!options.params) };
      const data = await lordClient(c.env, workspaceOf(c), lord).execute(capability, input, {
        actor: actorOf(c),
        requestId: c.get("requestId"),
      });
      return c.json({ status: "success", data } satisfies LordSuccess, options.status ?? 200);
    },
  ];
}

/**
 * A Lord route that acts (`lords:act`: lord operators and admins): validates the JSON body
 * (and path params) with valibot, runs `capability` on the workspace's Lord, answers
 * `{status: "success", data}`. Usage: `.post("/initiatives/design", ...lordAction("architect",
 * "design_initiative", DesignInitiativeBody, { status: 201 }))`.
 */
export function lordAction(
  lord: LordName,
  capability: string,
  body?: RequestSchema,
  options: LordRouteOptions = {},
): LordRoute {
  return route(lord, capability, "lords:act", "json", body, options);
}

/**
 * A Lord route that reads (`lords:read`: every member): validates the query string (and path
 * params) and runs a non-mutating `capability`. Usage: `.get("/initiatives/:id",
 * ...lordQuery("architect", "get_initiative", undefined, { params: IdParams }))`.
 */
export function lordQuery(
  lord: LordName,
  capability: string,
  query?: RequestSchema,
  options: LordRouteOptions = {},
): LordRoute {
  return route(lord, capability, "lords:read", "query", query, options);
}
