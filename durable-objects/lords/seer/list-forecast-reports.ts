import {
  and,
  CURSOR_COLUMN,
  cursorSelect,
  keysetCondition,
  orderByClause,
  type Page,
  toPage,
} from "../../../shared/db/pagination.ts";
import { defineCapability } from "../capability.ts";
import { type ForecastReportRecord, REPORT_COLUMNS } from "./forecast-report.ts";
import { listInput, toListQuery } from "./list-query.ts";

const ORDER = { sortable: ["created_at", "period_start"], defaultSort: "-created_at" } as const;

/** `GET /lords/seer/forecast/reports`: page and sort. */
export const ListForecastReportsInput = listInput({}, ORDER);

/** Lists the workspace's forecast reports, newest first, with keyset pages. */
export const listForecastReports = defineCapability({
  name: "list_forecast_reports",
  description: "Lists compiled forecast reports",
  input: ListForecastReportsInput,
  mutates: false,
  async handler(input, ctx): Promise<Page<ForecastReportRecord>> {
    const query = toListQuery(input, ORDER.defaultSort);
    return ctx.transaction(async (tx) => {
      const rows = await tx<(ForecastReportRecord & { [CURSOR_COLUMN]: string | null })[]>`
        select ${tx.unsafe(REPORT_COLUMNS)}, ${cursorSelect(tx, query)}
        from public.forecast_reports
        where ${and(tx, [tx`workspace_id = ${ctx.workspaceId}`, keysetCondition(tx, query)])}
        ${orderByClause(tx, query)}
        limit ${query.limit + 1}`;
      return toPage(rows, query);
    });
  },
});
