import * as v from "valibot";

/** Requests allowed per window for one plan. */
export interface PlanLimits {
  perUserPerMinute: number;
  perWorkspacePerMinute: number;
}

const PlanLimitsSchema = v.record(
  v.string(),
  v.strictObject({
    perUserPerMinute: v.pipe(v.number(), v.integer(), v.minValue(1)),
    perWorkspacePerMinute: v.pipe(v.number(), v.integer(), v.minValue(1)),
  }),
);

/** Defaults per plan; `RATE_LIMIT_PLANS` (JSON, same shape) overrides them per deployment. */
export const DEFAULT_PLAN_LIMITS: Record<string, PlanLimits> = {
  free: { perUserPerMinute: 120, perWorkspacePerMinute: 600 },
  pro: { perUserPerMinute: 600, perWorkspacePerMinute: 3000 },
  enterprise: { perUserPerMinute: 3000, perWorkspacePerMinute: 15000 },
};

/** Parses the optional override; a malformed value fails naming the setting. */
export function planLimits(override: string | undefined): Record<string, PlanLimits> {
  if (!override) return DEFAULT_PLAN_LIMITS;
  let json: unknown;
  try {
    json = JSON.parse(override);
  } catch {
    throw new Error("RATE_LIMIT_PLANS must be JSON");
  }
  const result = v.safeParse(PlanLimitsSchema, json);
  if (!result.success) throw new Error(`RATE_LIMIT_PLANS is invalid: ${result.issues[0]?.message}`);
  return { ...DEFAULT_PLAN_LIMITS, ...result.output };
}
