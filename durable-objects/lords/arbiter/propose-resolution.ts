import type { Tx } from "../../../shared/db/database.ts";
import type { ConflictCasesRow, ResolutionProposalsRow } from "../../../shared/db/rows.generated.ts";
import { type AllocationRule, fairAllocation, jainIndex } from "../../../shared/domain/arbiter/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { json } from "../strategos/store.ts";
import { favouredParty, type PartyOutcome } from "./outcomes.ts";
import { type ContestedResource, contestedCapacity, contestedResourceOf } from "./resources.ts";
import { ProposeResolutionInput } from "./schemas.ts";
import { loadOpenCase, partiesOf } from "./store.ts";
import { proposalView } from "./views.ts";

/** What a proposal resolves to before it is stored. */
interface Resolution {
  solution: string;
  rule: AllocationRule | null;
  outcomes: PartyOutcome[];
  allocation: Record<string, unknown>;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * `propose_resolution`: for a resource conflict, splits the contested capacity by the named
 * fairness rule (weighted max-min, or proportional to priority), never giving a party more than
 * it claimed or than its guild's grant can hold; for others, takes the parties' satisfaction with
 * the proposed solution. Either way the fairness score is Jain's index of the parties'
 * satisfaction (×100) and the favoured party is the one strictly most satisfied. Emits
 * `resolution.proposed`.
 */
export const proposeResolution = defineCapability({
  name: "propose_resolution",
  description:
    "Proposes a resolution; resource conflicts are split by a named fairness rule and scored by Jain's index",
  input: ProposeResolutionInput,
  mutates: true,
  async handler(input, ctx) {
    const result = await ctx.transaction(async (tx, emit) => {
      const conflict = await loadOpenCase(tx, ctx.workspaceId, input.case_id);
      const parties = partiesOf(conflict);
      const resource = contestedResourceOf(conflict);
      const resolution = resource
        ? await resourceResolution(tx, ctx.workspaceId, resource, input.rule ?? "weighted_max_min", input.solution)
        : judgedResolution(parties, input);
      const satisfactions = resolution.outcomes.map((outcome) => outcome.satisfaction);
      const fairness = jainIndex(satisfactions);
      if (input.winner_party !== undefined && !parties.includes(input.winner_party)) {
        throw ApiError.validation([
          { field: "winner_party", message: `"${input.winner_party}" is not one of the parties` },
        ]);
      }
      const winner = input.winner_party ?? favouredParty(resolution.outcomes);
      const [row] = await tx<ResolutionProposalsRow[]>`
        insert into public.resolution_proposals (workspace_id, case_id, solution, rationale, winner_party,
                                                 resource_allocation, fairness_score, allocation_rule, party_outcomes,
                                                 created_by)
        values (${ctx.workspaceId}, ${conflict.id}, ${resolution.solution}, ${input.rationale ?? null}, ${winner},
                ${json(tx, resolution.allocation)}, ${round(100 * fairness, 2)}, ${resolution.rule},
                ${json(tx, resolution.outcomes)}, ${ctx.actor.userId})
        returning *`;
      await tx<ConflictCasesRow[]>`
        update public.conflict_cases set status = 'proposed'
        where workspace_id = ${ctx.workspaceId} and id = ${conflict.id}`;
      const proposal = row as ResolutionProposalsRow;
      const event = await emit("resolution.proposed", {
        case_id: conflict.id,
        proposal_id: proposal.id,
        rule: resolution.rule,
        fairness_score: Number(proposal.fairness_score),
        winner_party: winner,
      });
      return { proposal, fairness, eventId: event.sequence };
    });
    ctx.state.track("proposals", result.proposal.id, "proposed");
    ctx.state.track("cases", result.proposal.case_id, "proposed");
    return { proposal: proposalView(result.proposal), jain_index: result.fairness, event_id: result.eventId };
  },
});

/**
 * The split of a contested resource: each claim may get at most its demand and, if its share goes
 * to a guild, what that guild's grant has free; the rule divides the capacity under those caps.
 * Satisfaction is measured against what the party asked for, so a cap shows as dissatisfaction.
 */
async function resourceResolution(
  tx: Tx,
  workspaceId: string,
  resource: ContestedResource,
  rule: AllocationRule,
  solution: string | undefined,
): Promise<Resolution> {
  const { capacity, guildHeadroom, held } = await contestedCapacity(tx, workspaceId, resource);
  const admissible = resource.claims.map((claim) =>
    claim.guild_id === null ? claim.demand : Math.min(claim.demand, guildHeadroom.get(claim.guild_id) ?? 0),
  );
  const split = fairAllocation(
    capacity,
    resource.claims.map((claim, index) => ({
      party: claim.party,
      demand: admissible[index] ?? 0,
      weight: claim.weight,
    })),
    rule,
  );
  const outcomes: PartyOutcome[] = resource.claims.map((claim, index) => {
    // Shares are allocated as numeric(14,4): rounding down keeps their sum within the capacity.
    const allocated = Math.floor((split.allocations[index]?.allocated ?? 0) * 10_000 + 1e-6) / 10_000;
    return {
      party: claim.party,
      demand: claim.demand,
      admissible_demand: admissible[index] ?? 0,
      weight: claim.weight,
      allocated,
      satisfaction: allocated / claim.demand,
    };
  });
  const allocatedTotal = outcomes.reduce((total, outcome) => total + (outcome.allocated ?? 0), 0);
  const shares = outcomes
    .map(
      (outcome) =>
        `${outcome.party} ${round(outcome.allocated ?? 0, 4)} (${round(100 * outcome.satisfaction, 1)}% of ${outcome.demand})`,
    )
    .join(", ");
  return {
    solution:
      solution ??
      `Split ${round(capacity, 4)} ${resource.unit} of ${resource.resource_type} by ${rule.replaceAll("_", " ")}: ${shares}.`,
    rule,
    outcomes,
    allocation: {
      resource_type: resource.resource_type,
      unit: resource.unit,
      capacity,
      allocated: allocatedTotal,
      unallocated: Math.max(0, capacity - allocatedTotal),
      currently_held: held.reduce((total, row) => total + Number(row.quantity), 0),
      shares: Object.fromEntries(outcomes.map((outcome) => [outcome.party, outcome.allocated ?? 0])),
    },
  };
}

/** A resolution that splits no resource: the caller states how satisfied each party would be. */
function judgedResolution(parties: string[], input: ProposeResolutionInput): Resolution {
  if (input.rule !== undefined) {
    throw ApiError.validation([{ field: "rule", message: "applies only to resource_allocation conflicts" }]);
  }
  const missing = [
    ...(input.solution === undefined
      ? [{ field: "solution", message: "is required for conflicts that split no resource" }]
      : []),
    ...(input.outcomes === undefined
      ? [
          {
            field: "outcomes",
            message: "must give each party's satisfaction (0-1) for conflicts that split no resource",
          },
        ]
      : []),
  ];
  if (missing.length > 0) throw ApiError.validation(missing);
  const outcomes = input.outcomes ?? [];
  const named = outcomes.map((outcome) => outcome.party);
  const issues = [
    ...outcomes.flatMap((outcome, index) =>
      !parties.includes(outcome.party)
        ? [{ field: `outcomes.${index}.party`, message: `"${outcome.party}" is not one of the parties` }]
        : named.indexOf(outcome.party) !== index
          ? [{ field: `outcomes.${index}.party`, message: `"${outcome.party}" is listed twice` }]
          : [],
    ),
    ...parties
      .filter((party) => !named.includes(party))
      .map((party) => ({ field: "outcomes", message: `party "${party}" has no outcome` })),
  ];
  if (issues.length > 0) throw ApiError.validation(issues);
  return {
    solution: input.solution ?? "",
    rule: null,
    outcomes: outcomes.map((outcome) => ({ party: outcome.party, satisfaction: outcome.satisfaction })),
    allocation: {},
  };
}
