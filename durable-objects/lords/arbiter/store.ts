import type { Tx } from "../../../shared/db/database.ts";
import type {
  ArbitrationDecisionsRow,
  ConflictCasesRow,
  ResolutionProposalsRow,
} from "../../../shared/db/rows.generated.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import type { PartyOutcome } from "./outcomes.ts";

/** Case statuses in which a conflict is still open to analysis and proposals. */
export const OPEN_CASE_STATUSES: readonly string[] = ["registered", "analyzing", "proposed"];

/** The workspace's conflict case, or a 404 (another workspace's case is as absent as a missing one). */
export async function loadCase(tx: Tx, workspaceId: string, caseId: string, lock = false): Promise<ConflictCasesRow> {
  const [row] = await tx<ConflictCasesRow[]>`
    select * from public.conflict_cases where workspace_id = ${workspaceId} and id = ${caseId}
    ${lock ? tx`for update` : tx``}`;
  if (!row) throw ApiError.notFound(`Conflict case ${caseId} not found`, "CASE_NOT_FOUND");
  return row;
}

/** A case that still takes analyses and proposals, or a 409 saying where it stands. */
export async function loadOpenCase(tx: Tx, workspaceId: string, caseId: string): Promise<ConflictCasesRow> {
  const row = await loadCase(tx, workspaceId, caseId, true);
  if (!OPEN_CASE_STATUSES.includes(row.status)) {
    throw ApiError.conflict(`Conflict case ${caseId} is already ${row.status}`, [], "CASE_CLOSED");
  }
  return row;
}

/** The workspace's proposal, or a 404. */
export async function loadProposal(
  tx: Tx,
  workspaceId: string,
  proposalId: string,
  lock = false,
): Promise<ResolutionProposalsRow> {
  const [row] = await tx<ResolutionProposalsRow[]>`
    select * from public.resolution_proposals where workspace_id = ${workspaceId} and id = ${proposalId}
    ${lock ? tx`for update` : tx``}`;
  if (!row) throw ApiError.notFound(`Resolution proposal ${proposalId} not found`, "PROPOSAL_NOT_FOUND");
  return row;
}

/** The workspace's decision, or a 404. */
export async function loadDecision(
  tx: Tx,
  workspaceId: string,
  decisionId: string,
  lock = false,
): Promise<ArbitrationDecisionsRow> {
  const [row] = await tx<ArbitrationDecisionsRow[]>`
    select * from public.arbitration_decisions where workspace_id = ${workspaceId} and id = ${decisionId}
    ${lock ? tx`for update` : tx``}`;
  if (!row) throw ApiError.notFound(`Arbitration decision ${decisionId} not found`, "DECISION_NOT_FOUND");
  return row;
}

/** A case's parties as stored (a JSON array of names). */
export function partiesOf(row: ConflictCasesRow): string[] {
  return Array.isArray(row.parties) ? row.parties.map(String) : [];
}

/** A case's goals as stored (a JSON array of strings). */
export function goalsOf(row: ConflictCasesRow): string[] {
  return Array.isArray(row.goals) ? row.goals.map(String) : [];
}

/** A proposal's per-party outcomes as stored. */
export function outcomesOf(row: Pick<ResolutionProposalsRow, "party_outcomes">): PartyOutcome[] {
  return Array.isArray(row.party_outcomes) ? (row.party_outcomes as unknown as PartyOutcome[]) : [];
}
