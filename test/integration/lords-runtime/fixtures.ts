import * as v from "valibot";
import { defineCapability, type Reaction } from "../../../durable-objects/lords/capability.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import type { ExecuteRequest } from "../../../shared/lords/types.ts";
import { claimsFor, type SeedUser, USERS } from "../../helpers/db.ts";

const AlertInput = v.object({ marker: v.pipe(v.string(), v.uuid()), severity: v.picklist(["info", "warning"]) });

/** Test capabilities: the real Lords' capabilities arrive later, the runtime is tested now. */
export const raiseAlert = defineCapability({
  name: "raise_alert",
  description: "Inserts an alert and its alert.created event in one transaction",
  input: AlertInput,
  mutates: true,
  async handler(input, ctx) {
    const alert = await ctx.transaction(async (tx, emit) => {
      const [row] = await tx<{ id: string }[]>`
        insert into public.alerts (workspace_id, alert_type, severity, title, source)
        values (${ctx.workspaceId}, 'system', ${input.severity}, ${input.marker}, ${ctx.lord})
        returning id`;
      if (!row) throw new Error("no alert row");
      const event = await emit("alert.created", { marker: input.marker, alert_id: row.id });
      return { id: row.id, event_id: event.sequence };
    });
    ctx.state.track("alerts", alert.id, "open");
    ctx.state.count("alerts_raised");
    return alert;
  },
});

/** Inserts and emits, then throws inside the transaction: nothing may survive. */
export const raiseThenRollBack = defineCapability({
  name: "raise_then_roll_back",
  description: "Fails inside its transaction",
  input: AlertInput,
  mutates: true,
  async handler(input, ctx) {
    return ctx.transaction(async (tx, emit) => {
      await tx`insert into public.alerts (workspace_id, alert_type, severity, title)
               values (${ctx.workspaceId}, 'system', ${input.severity}, ${input.marker})`;
      await emit("alert.created", { marker: input.marker });
      ctx.state.count("never_applied");
      throw ApiError.conflict("The alert conflicts with another", [], "ALERT_CONFLICT");
    });
  },
});

/** Commits, then fails: the committed event is still published. */
export const raiseThenFail = defineCapability({
  name: "raise_then_fail",
  description: "Fails after its transaction committed",
  input: AlertInput,
  mutates: true,
  async handler(input, ctx) {
    await raiseAlert.handler(input, ctx);
    throw new Error("downstream step failed");
  },
});

/** A read that tries to emit, which the runtime refuses. */
export const readAndEmit = defineCapability({
  name: "read_and_emit",
  description: "A non-mutating capability that emits",
  input: v.object({}),
  mutates: false,
  async handler(_input, ctx) {
    return ctx.transaction((_tx, emit) => emit("alert.created", {}));
  },
});

/** A read under RLS: counts the workspace's alerts the actor can see. */
export const countAlerts = defineCapability({
  name: "count_alerts",
  description: "Counts alerts visible to the actor",
  input: v.object({ marker: v.pipe(v.string(), v.uuid()) }),
  mutates: false,
  async handler(input, ctx) {
    const [row] = await ctx.transaction(
      (tx) => tx<{ n: number }[]>`select count(*)::int as n from public.alerts where title = ${input.marker}`,
    );
    return { count: row?.n ?? 0 };
  },
});

/** A reaction that records an alert (service role) when content is rejected. */
export const noteRejection: Reaction = {
  name: "note_rejection",
  description: "Raises an alert for rejected content",
  on: ["content.rejected"],
  async handler(event, ctx) {
    await ctx.serviceTransaction(async (tx, emit) => {
      await tx`insert into public.alerts (workspace_id, alert_type, severity, title, source)
               values (${ctx.workspaceId}, 'quality', 'info', ${String(event.payload.marker)}, ${ctx.lord})`;
      await emit("alert.created", { marker: event.payload.marker, caused_by: event.sequence });
    });
    ctx.state.count("rejections_noted");
  },
};

/** A reaction that always fails. */
export const failingReaction: Reaction = {
  name: "failing_reaction",
  description: "Throws",
  on: ["content.rejected"],
  async handler() {
    throw new Error("reaction exploded");
  },
};

/** An execute request from a seeded user with a role. */
export function requestFrom(
  user: SeedUser,
  role: ExecuteRequest["actor"]["role"],
  capability: string,
  input: unknown,
): ExecuteRequest {
  return {
    capability,
    input,
    actor: { userId: user.id, kind: "user", role, claims: claimsFor(user) },
    requestId: crypto.randomUUID(),
  };
}

/** Oliver, lord_operator of acme-growth. */
export const operator = (capability: string, input: unknown) =>
  requestFrom(USERS.oliver, "lord_operator", capability, input);
