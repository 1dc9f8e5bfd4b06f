import type { JSONParsed } from "hono/utils/types";
import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../shared/db/pagination.ts";
import { type AlertsRow, columnValues } from "../../shared/db/rows.generated.ts";
import { name, oneOf, strictBody, text, uuid } from "../../shared/http/fields.ts";
import type { DataResponse, ListResponse } from "../../shared/http/responses.ts";

const { alert_type: ALERT_TYPES, severity: SEVERITIES, status: STATUSES } = columnValues.alerts;

/** `GET /alerts`: page, sort, and comma-separated filters on severity, status and type. */
export const ListAlertsQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at", "updated_at"], defaultSort: "-created_at" }),
    severity: v.optional(csvPicklist(SEVERITIES, "severity")),
    status: v.optional(csvPicklist(STATUSES, "status")),
    alert_type: v.optional(csvPicklist(ALERT_TYPES, "alert_type")),
  }),
  cursorMatchesSort(),
);
export type ListAlertsQuery = v.InferOutput<typeof ListAlertsQuery>;

/** `POST /alerts`: raise an alert by hand (agents and budgets raise theirs through the service role). */
export const CreateAlertBody = strictBody({
  alert_type: oneOf(ALERT_TYPES, "alert_type"),
  severity: oneOf(SEVERITIES, "severity"),
  title: name("title", 300),
  message: v.optional(text("message")),
  source: v.optional(text("source", 200)),
  metadata: v.optional(v.record(v.string(), v.unknown(), "metadata must be a JSON object")),
});
export type CreateAlertBody = v.InferOutput<typeof CreateAlertBody>;

/** `:alertId` path parameter. */
export const AlertParams = v.object({ alertId: uuid("alertId") });

/** An alert as the API returns it. */
export type Alert = JSONParsed<AlertsRow>;
/** `GET /alerts/:alertId`, `POST /alerts` and the transitions. */
export type AlertResponse = DataResponse<Alert>;
/** `GET /alerts`: one page. */
export type AlertListResponse = ListResponse<Alert>;
