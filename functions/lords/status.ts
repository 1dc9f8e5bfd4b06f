import type { Context } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../../shared/app-env.ts";
import { LORDS, type LordName } from "../../shared/events/catalogue.ts";
import { lordClient, workspaceBus } from "../../shared/lords/client.ts";
import { toMetrics } from "../../shared/lords/metrics.ts";
import type { CouncilStatus, LordStatus } from "../../shared/lords/types.ts";
import { workspaceOf } from "./actor.ts";
import type { LordSuccess } from "./routes.ts";

/** `:lord` in a path: one of the seven. */
export const LordParamSchema = v.object({ lord: v.picklist(LORDS, `lord must be one of ${LORDS.join(", ")}`) });

/** `GET /lords/:lord/status` response. */
export type LordStatusResponse = LordSuccess<LordStatus>;
/** `GET /lords/council/status` response. */
export type CouncilStatusResponse = LordSuccess<CouncilStatus>;

/** One Lord's capabilities, live state counts, performance metrics and connections. */
export async function lordStatus(c: Context<AppEnv>, lord: LordName) {
  const data = await lordClient(c.env, workspaceOf(c), lord).status();
  return c.json({ status: "success", data } satisfies LordStatusResponse);
}

/** All seven Lords' status, council-wide totals and the workspace bus's fan-out figures. */
export async function councilStatus(c: Context<AppEnv>) {
  const workspaceId = workspaceOf(c);
  const [lords, bus] = await Promise.all([
    Promise.all(LORDS.map((lord) => lordClient(c.env, workspaceId, lord).status())),
    workspaceBus(c.env, workspaceId).stats(),
  ]);
  const sum = (pick: (status: LordStatus) => number) => lords.reduce((total, status) => total + pick(status), 0);
  const latency = sum((status) => (status.performance.average_latency_ms ?? 0) * status.performance.executions);
  const data: CouncilStatus = {
    workspace_id: workspaceId,
    lords,
    totals: {
      ...toMetrics(
        sum((status) => status.performance.executions),
        sum((status) => status.performance.successes),
        sum((status) => status.performance.failures),
        latency,
      ),
      connections: sum((status) => status.connections),
    },
    bus,
  };
  return c.json({ status: "success", data } satisfies CouncilStatusResponse);
}
