import type postgres from "postgres";
import type { Tx } from "../../shared/db/database.ts";
import { equals, listPage, oneOf, type Page } from "../../shared/db/pagination.ts";
import type { AlertsRow } from "../../shared/db/rows.generated.ts";
import { type RecordedEvent, recordEvent } from "../../shared/events/record.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import type { WorkspaceRequest } from "../workspaces/request.ts";
import { type AlertAction, nextAlertStatus } from "./lifecycle.ts";
import type { CreateAlertBody, ListAlertsQuery } from "./schemas.ts";

/** A change to an alert and the event that records it, both from one transaction. */
export interface AlertChange {
  alert: AlertsRow;
  event: RecordedEvent;
}

type Scope = Pick<WorkspaceRequest, "workspaceId" | "actorId" | "requestId">;

/** One page of the workspace's alerts, filtered. */
export function listAlerts(tx: Tx, workspaceId: string, query: ListAlertsQuery): Promise<Page<AlertsRow>> {
  return listPage<AlertsRow>(tx, {
    table: "public.alerts",
    where: [
      equals(tx, "workspace_id", workspaceId),
      oneOf(tx, "severity", query.severity),
      oneOf(tx, "status", query.status),
      oneOf(tx, "alert_type", query.alert_type),
    ],
    query,
  });
}

/** One alert of the workspace; 404 when it does not exist or the caller cannot see it. */
export async function getAlert(tx: Tx, workspaceId: string, alertId: string, lock = false): Promise<AlertsRow> {
  const [alert] = await tx<AlertsRow[]>`
    select * from public.alerts
    where id = ${alertId} and workspace_id = ${workspaceId}
    ${lock ? tx`for update` : tx``}`;
  if (!alert) throw ApiError.notFound("Alert not found", "ALERT_NOT_FOUND");
  return alert;
}

/** Inserts an open alert and its `alert.created` event. */
export async function createAlert(tx: Tx, scope: Scope, body: CreateAlertBody): Promise<AlertChange> {
  const [alert] = await tx<AlertsRow[]>`
    insert into public.alerts (workspace_id, alert_type, severity, title, message, source, metadata)
    values (${scope.workspaceId}, ${body.alert_type}, ${body.severity}, ${body.title}, ${body.message ?? null},
            ${body.source ?? null}, ${tx.json((body.metadata ?? {}) as postgres.JSONValue)})
    returning *`;
  if (!alert) throw new Error("alerts insert returned no row");
  const event = await recordEvent(tx, {
    workspaceId: scope.workspaceId,
    type: "alert.created",
    payload: { alert_id: alert.id, alert_type: alert.alert_type, severity: alert.severity, title: alert.title },
    actorId: scope.actorId,
    requestId: scope.requestId,
  });
  return { alert, event };
}

/**
 * Acknowledges or resolves an alert. The row is locked first, so two people acting at once
 * are serialised and the second sees the first's status (a 409, not a silent overwrite).
 */
export async function transitionAlert(
  tx: Tx,
  scope: Scope,
  alertId: string,
  action: AlertAction,
): Promise<AlertChange> {
  const current = await getAlert(tx, scope.workspaceId, alertId, true);
  const status = nextAlertStatus(current.status, action);
  const [alert] =
    action === "acknowledge"
      ? await tx<AlertsRow[]>`
          update public.alerts
          set status = ${status}, acknowledged_by = ${scope.actorId}, acknowledged_at = now()
          where id = ${alertId} and workspace_id = ${scope.workspaceId}
          returning *`
      : await tx<AlertsRow[]>`
          update public.alerts
          set status = ${status}, resolved_by = ${scope.actorId}, resolved_at = now()
          where id = ${alertId} and workspace_id = ${scope.workspaceId}
          returning *`;
  if (!alert) throw ApiError.notFound("Alert not found", "ALERT_NOT_FOUND");
  const event = await recordEvent(tx, {
    workspaceId: scope.workspaceId,
    type: action === "acknowledge" ? "alert.acknowledged" : "alert.resolved",
    payload: { alert_id: alert.id, from: current.status, to: alert.status },
    actorId: scope.actorId,
    requestId: scope.requestId,
  });
  return { alert, event };
}
