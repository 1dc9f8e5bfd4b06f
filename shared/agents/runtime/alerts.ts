import type postgres from "postgres";
import type { Tx } from "../../db/database.ts";
import type { AlertsAlertType, AlertsSeverity } from "../../db/rows.generated.ts";
import type { EventBatch } from "./events.ts";

/** An alert the runtime raises. */
export interface NewAlert {
  workspaceId: string;
  type: AlertsAlertType;
  severity: AlertsSeverity;
  title: string;
  message: string;
  metadata: Record<string, unknown>;
  requestId?: string | null;
  /** Recorded on the `alert.created` event; a user's own request must name them (events RLS). */
  actorId?: string | null;
}

/** Inserts an alert and its `alert.created` event in `tx`; returns the alert id. */
export async function raiseAlert(tx: Tx, events: EventBatch, alert: NewAlert): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into public.alerts (workspace_id, alert_type, severity, title, message, source, metadata)
    values (${alert.workspaceId}, ${alert.type}, ${alert.severity}, ${alert.title}, ${alert.message},
            'agent_runtime', ${tx.json(alert.metadata as postgres.JSONValue)})
    returning id`;
  if (!row) throw new Error("alerts insert returned no row");
  await events.record(tx, {
    workspaceId: alert.workspaceId,
    type: "alert.created",
    requestId: alert.requestId ?? null,
    actorId: alert.actorId ?? null,
    payload: { alert_id: row.id, alert_type: alert.type, severity: alert.severity, title: alert.title },
  });
  return row.id;
}
