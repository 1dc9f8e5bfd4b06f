import type { Tx } from "../../../shared/db/database.ts";
import { equals, listPage } from "../../../shared/db/pagination.ts";
import type {
  AppealsRow,
  ArbitrationDecisionsRow,
  ConflictCasesRow,
  ResolutionProposalsRow,
} from "../../../shared/db/rows.generated.ts";
import { appealAllowed } from "../../../shared/domain/arbiter/index.ts";
import { defineCapability } from "../capability.ts";
import { toListQuery } from "../strategos/list-query.ts";
import {
  GetCaseInput,
  GetDecisionInput,
  ListAppealsInput,
  ListCasesInput,
  ListDecisionsInput,
  ListProposalsInput,
} from "./schemas.ts";
import { loadCase, loadDecision } from "./store.ts";
import { appealView, caseView, decisionView, proposalView } from "./views.ts";

function rowsOf<Row extends object>(tx: Tx, table: string, workspaceId: string, column: string, id: string) {
  return tx<Row[]>`
    select * from ${tx(`public.${table}`)} where workspace_id = ${workspaceId} and ${tx(column)} = ${id}
    order by created_at, id`;
}

/** `GET /cases`: one page of conflict cases, filtered by status, severity or type. */
export const listCases = defineCapability({
  name: "list_cases",
  description: "Lists conflict cases, filtered by status, severity or conflict type",
  input: ListCasesInput,
  mutates: false,
  async handler(input, ctx) {
    const page = await ctx.transaction((tx) =>
      listPage<ConflictCasesRow>(tx, {
        table: "public.conflict_cases",
        where: [
          tx`workspace_id = ${ctx.workspaceId}`,
          equals(tx, "status", input.status),
          equals(tx, "severity", input.severity),
          equals(tx, "conflict_type", input.conflict_type),
        ],
        query: toListQuery(input, "-created_at"),
      }),
    );
    return { items: page.items.map(caseView), next_cursor: page.next_cursor };
  },
});

/** `GET /cases/:case_id`: a case with its proposals, decisions and appeals. */
export const getCase = defineCapability({
  name: "get_case",
  description: "Reads one conflict case with its proposals, decisions and appeals",
  input: GetCaseInput,
  mutates: false,
  async handler(input, ctx) {
    return ctx.transaction(async (tx) => {
      const conflict = await loadCase(tx, ctx.workspaceId, input.case_id);
      const proposals = await rowsOf<ResolutionProposalsRow>(
        tx,
        "resolution_proposals",
        ctx.workspaceId,
        "case_id",
        conflict.id,
      );
      const decisions = await rowsOf<ArbitrationDecisionsRow>(
        tx,
        "arbitration_decisions",
        ctx.workspaceId,
        "case_id",
        conflict.id,
      );
      const appeals = await rowsOf<AppealsRow>(tx, "appeals", ctx.workspaceId, "case_id", conflict.id);
      return {
        case: caseView(conflict),
        proposals: proposals.map(proposalView),
        decisions: decisions.map(decisionView),
        appeals: appeals.map(appealView),
      };
    });
  },
});

/** `GET /proposals`: one page of resolution proposals. */
export const listProposals = defineCapability({
  name: "list_proposals",
  description: "Lists resolution proposals, filtered by case or status",
  input: ListProposalsInput,
  mutates: false,
  async handler(input, ctx) {
    const page = await ctx.transaction((tx) =>
      listPage<ResolutionProposalsRow>(tx, {
        table: "public.resolution_proposals",
        where: [
          tx`workspace_id = ${ctx.workspaceId}`,
          equals(tx, "case_id", input.case_id),
          equals(tx, "status", input.status),
        ],
        query: toListQuery(input, "-created_at"),
      }),
    );
    return { items: page.items.map(proposalView), next_cursor: page.next_cursor };
  },
});

/** `GET /decisions`: one page of arbitration decisions. */
export const listDecisions = defineCapability({
  name: "list_decisions",
  description: "Lists arbitration decisions, filtered by case or status",
  input: ListDecisionsInput,
  mutates: false,
  async handler(input, ctx) {
    const page = await ctx.transaction((tx) =>
      listPage<ArbitrationDecisionsRow>(tx, {
        table: "public.arbitration_decisions",
        where: [
          tx`workspace_id = ${ctx.workspaceId}`,
          equals(tx, "case_id", input.case_id),
          equals(tx, "status", input.status),
        ],
        query: toListQuery(input, "-decided_at"),
      }),
    );
    return { items: page.items.map(decisionView), next_cursor: page.next_cursor };
  },
});

/** `GET /decisions/:decision_id`: a decision, its appeals, and whether it can still be appealed now. */
export const getDecision = defineCapability({
  name: "get_decision",
  description: "Reads one arbitration decision with its appeals and appeal window",
  input: GetDecisionInput,
  mutates: false,
  async handler(input, ctx) {
    const now = new Date();
    return ctx.transaction(async (tx) => {
      const decision = await loadDecision(tx, ctx.workspaceId, input.decision_id);
      const appeals = await rowsOf<AppealsRow>(tx, "appeals", ctx.workspaceId, "decision_id", decision.id);
      const window = decision.decided_at.getTime() <= now.getTime() ? appealAllowed(decision.decided_at, now) : null;
      return {
        decision: decisionView(decision),
        appeals: appeals.map(appealView),
        appeal_window: window && {
          open: window.allowed,
          deadline: window.deadline,
          remaining_ms: window.remainingMs,
        },
      };
    });
  },
});

/** `GET /appeals`: one page of appeals. */
export const listAppeals = defineCapability({
  name: "list_appeals",
  description: "Lists appeals, filtered by decision, case or status",
  input: ListAppealsInput,
  mutates: false,
  async handler(input, ctx) {
    const page = await ctx.transaction((tx) =>
      listPage<AppealsRow>(tx, {
        table: "public.appeals",
        where: [
          tx`workspace_id = ${ctx.workspaceId}`,
          equals(tx, "decision_id", input.decision_id),
          equals(tx, "case_id", input.case_id),
          equals(tx, "status", input.status),
        ],
        query: toListQuery(input, "-created_at"),
      }),
    );
    return { items: page.items.map(appealView), next_cursor: page.next_cursor };
  },
});
