import type postgres from "postgres";
import type { Tx } from "../../shared/db/database.ts";
import { equals, listPage, oneOf, type Page } from "../../shared/db/pagination.ts";
import type { AlertsRow } from "../../shared/db/rows.generated.ts";
import { ApiError } from "../../shared/http/api-error.ts";
import type { Emit, RequestScope } from "../../shared/http/request-scope.ts";
import { type AlertAction, nextAlertStatus } from "./lifecycle.ts";
import type { CreateAlertBody, ListAlertsQuery } from "./schemas.ts";

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

/** Inserts an open alert and emits `alert.created`. */
export async function createAlert(tx: Tx, emit: Emit, workspaceId: string, body: CreateAlertBody): Promise<AlertsRow> {
  const [alert] = await tx<AlertsRow[]>`
    insert into public.alerts (workspace_id, alert_type, severity, title, message, source, metadata)
    values (${workspaceId}, ${body.alert_type}, ${body.severity}, ${body.title}, ${body.message ?? null},
            ${body.source ?? null}, ${tx.json((body.metadata ?? {}) as postgres.JSONValue)})
    returning *`;
  if (!alert) throw new Error("alerts insert returned no row");
  await emit("alert.created", {
    alert_id: alert.id,
    alert_type: alert.alert_type,
    severity: alert.severity,
    title: alert.title,
  });
  return alert;
}

/**
 * Acknowledges or resolves an alert. The row is locked first, so two people acting at once
 * are serialised and the second sees the first's status (a 409, not a silent overwrite).
 */
export async function transitionAlert(
  tx: Tx,
  emit: Emit,
  scope: Pick<RequestScope, "workspaceId" | "actorId">,
  alertId: string,
  action: AlertAction,
): Promise<AlertsRow> {
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
  await emit(action === "acknowledge" ? "alert.acknowledged" : "alert.resolved", {
    alert_id: alert.id,
    from: current.status,
    to: alert.status,
  });
  return alert;
}
