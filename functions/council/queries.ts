import type { Tx } from "../../shared/db/database.ts";
import { encodeCursor, type Page } from "../../shared/db/pagination.ts";
import { type CouncilDecision, DECISIONS_SORT, type DecisionsQuery } from "./schemas.ts";

interface DecisionRow extends Omit<CouncilDecision, "decided_at"> {
  decided_at: Date;
  /** `decided_at` as Postgres prints it, so the cursor keeps its microseconds. */
  cursor_at: string;
}

/**
 * The Council's recent decisions across Lords, newest first: every `decisions` row (routing,
 * priority overrides, approvals, strategy, by whichever Lord made it), initiatives the Architect's
 * operators approved, content approvals the Aesthete decided, and the Arbiter's rulings. Runs as
 * the caller, so each table's access policy applies.
 */
export async function listDecisions(
  tx: Tx,
  workspaceId: string,
  query: DecisionsQuery,
): Promise<Page<CouncilDecision>> {
  const rows = await tx<DecisionRow[]>`
    select *, decided_at::text as cursor_at from (
      select d.id, 'decisions' as source, d.lord, d.decision_type as kind, d.title, d.status,
             d.confidence::float8 as confidence, d.decided_by, coalesce(d.decided_at, d.created_at) as decided_at,
             jsonb_strip_nulls(jsonb_build_object(
               'recommendation', d.recommendation, 'rationale', d.rationale, 'context', d.context,
               'outcome', d.outcome, 'initiative_id', d.initiative_id)) as detail
      from public.decisions d
      where d.workspace_id = ${workspaceId}
      union all
      select i.id, 'initiatives', 'architect', 'approval', i.name, i.status, null, i.approved_by, i.approved_at,
             jsonb_build_object('priority', i.priority, 'campaign_id', i.campaign_id)
      from public.initiatives i
      where i.workspace_id = ${workspaceId} and i.approved_at is not null
      union all
      select a.id, 'approval_workflows', 'aesthete', 'approval', c.title, a.status, null, a.decided_by, a.decided_at,
             jsonb_strip_nulls(jsonb_build_object(
               'content_item_id', a.content_item_id, 'score', a.score, 'threshold', a.threshold,
               'notes', a.decision_notes))
      from public.approval_workflows a
      join public.content_items c on c.workspace_id = a.workspace_id and c.id = a.content_item_id
      where a.workspace_id = ${workspaceId} and a.decided_at is not null
      union all
      select r.id, 'arbitration_decisions', 'arbiter', 'conflict', left(r.ruling, 300), r.status, null, r.decided_by,
             r.decided_at,
             jsonb_strip_nulls(jsonb_build_object(
               'case_id', r.case_id, 'proposal_id', r.proposal_id,
               'stakeholder_satisfaction', r.stakeholder_satisfaction, 'appeal_deadline_at', r.appeal_deadline_at))
      from public.arbitration_decisions r
      where r.workspace_id = ${workspaceId}
    ) as council
    where true
      ${query.lord ? tx`and lord in ${tx(query.lord)}` : tx``}
      ${query.kind ? tx`and kind in ${tx(query.kind)}` : tx``}
      ${query.source ? tx`and source in ${tx(query.source)}` : tx``}
      ${query.since ? tx`and decided_at >= ${query.since}::timestamptz` : tx``}
      ${query.cursor ? tx`and (decided_at, id) < (${query.cursor.value}::timestamptz, ${query.cursor.id}::uuid)` : tx``}
    order by decided_at desc, id desc
    limit ${query.limit + 1}`;
  const items = rows.slice(0, query.limit).map(({ cursor_at: _cursor, decided_at, ...row }) => ({
    ...row,
    decided_at: decided_at.toISOString(),
  }));
  const last = rows[query.limit - 1];
  return {
    items,
    next_cursor:
      rows.length > query.limit && last
        ? encodeCursor({ sort: DECISIONS_SORT, value: last.cursor_at, id: last.id })
        : null,
  };
}
