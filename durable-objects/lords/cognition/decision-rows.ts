import type { Tx } from "../../../shared/db/database.ts";
import type { DecisionsDecisionType, DecisionsStatus, Json } from "../../../shared/db/rows.generated.ts";

/** A decision of the Cognition Lord as the API returns it. */
export interface DecisionView {
  id: string;
  workspace_id: string;
  lord: string;
  decision_type: DecisionsDecisionType;
  title: string;
  context: Json;
  recommendation: string | null;
  rationale: string | null;
  confidence: number | null;
  status: DecisionsStatus;
  synthesis_id: string | null;
  initiative_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  outcome: Json;
  created_at: Date;
  updated_at: Date;
}

/** The decision columns in API form (`d` is public.decisions). */
export function decisionColumns(tx: Tx) {
  return tx`d.id, d.workspace_id, d.lord, d.decision_type, d.title, d.context, d.recommendation, d.rationale,
            d.confidence::float8 as confidence, d.status, d.synthesis_id, d.initiative_id, d.decided_by,
            d.decided_at, d.outcome, d.created_at, d.updated_at`;
}

/** One of the Cognition Lord's decisions in the workspace, or undefined. */
export async function findDecision(tx: Tx, workspaceId: string, id: string): Promise<DecisionView | undefined> {
  const [row] = await tx<DecisionView[]>`
    select ${decisionColumns(tx)} from public.decisions d
    where d.workspace_id = ${workspaceId} and d.lord = 'cognition' and d.id = ${id}`;
  return row;
}
