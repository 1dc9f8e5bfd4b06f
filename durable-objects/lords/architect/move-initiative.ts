import type { Tx } from "../../../shared/db/database.ts";
import { assertTransition, type InitiativeStatus } from "../../../shared/domain/architect/index.ts";
import type { CapabilityContext, Emit } from "../capability.ts";
import { type InitiativeDetail, loadInitiative } from "./initiative-rows.ts";

/** Where an initiative ends up, and the decision recorded when the move approved or rejected it. */
export interface InitiativeMove {
  initiative: InitiativeDetail;
  from: InitiativeStatus;
  path: InitiativeStatus[];
  decision_id: string | null;
}

/** States that end an initiative's active life: the Architect stops tracking it. */
const FINISHED: ReadonlySet<InitiativeStatus> = new Set(["completed", "cancelled"]);

/**
 * Moves a locked initiative through `path`, each step a legal transition (an illegal one throws
 * the 409 naming the allowed next states before anything is written). Every step emits
 * `initiative.status_changed`; reaching `approved` also emits `initiative.approved` and stamps
 * the approver, reaching `proposed` again emits `initiative.proposed`. Approvals and rejections
 * are recorded as the Architect's decisions.
 */
export async function moveInitiative(
  tx: Tx,
  emit: Emit,
  ctx: CapabilityContext,
  initiative: InitiativeDetail,
  path: readonly InitiativeStatus[],
  reason: string | null,
): Promise<InitiativeMove> {
  const from = initiative.status;
  let current = from;
  for (const next of path) {
    assertTransition(current, next);
    current = next;
  }
  const final = path.at(-1) ?? from;
  await tx`
    update public.initiatives
    set status = ${final},
        approved_by = ${final === "approved" ? ctx.actor.userId : initiative.approved_by},
        approved_at = ${final === "approved" ? tx`now()` : initiative.approved_at}
    where workspace_id = ${ctx.workspaceId} and id = ${initiative.id}`;

  let decisionId: string | null = null;
  if (final === "approved" || final === "rejected") {
    const [decision] = await tx<{ id: string }[]>`
      insert into public.decisions (workspace_id, lord, decision_type, title, context, recommendation, rationale,
                                    status, initiative_id, decided_by, decided_at)
      values (${ctx.workspaceId}, 'architect', 'approval',
              ${`${final === "approved" ? "Approve" : "Reject"} initiative: ${initiative.name}`.slice(0, 300)},
              ${tx.json({ from, path: [...path], timeline: initiative.timeline })},
              ${final === "approved" ? "Proceed to planning" : "Revise and re-propose"},
              ${reason ?? feasibilityNote(initiative)}, ${final}, ${initiative.id}, ${ctx.actor.userId}, now())
      returning id`;
    decisionId = decision?.id ?? null;
  }

  let step = from;
  for (const next of path) {
    await emit("initiative.status_changed", {
      initiative_id: initiative.id,
      from: step,
      to: next,
      ...(reason ? { reason } : {}),
    });
    step = next;
  }
  if (final === "approved") {
    await emit("initiative.approved", { initiative_id: initiative.id, name: initiative.name, decision_id: decisionId });
  } else if (final === "proposed" && path.length > 0) {
    await emit("initiative.proposed", { initiative_id: initiative.id, name: initiative.name });
  }

  const moved = await loadInitiative(tx, ctx.workspaceId, initiative.id);
  if (FINISHED.has(final)) ctx.state.release("initiatives", initiative.id);
  else ctx.state.track("initiatives", initiative.id, final);
  return { initiative: moved, from, path: [...path], decision_id: decisionId };
}

// Why an approval or rejection came without a stated reason: the design's own verdict.
function feasibilityNote(initiative: InitiativeDetail): string {
  const timeline = initiative.timeline as { feasible?: boolean; issues?: string[] } | null;
  if (timeline?.feasible === false && timeline.issues?.length) return `Design issues: ${timeline.issues.join("; ")}`;
  return "The design fits its constraints";
}
