import type { FairnessMetricsRow } from "../../../shared/db/rows.generated.ts";
import { type ArbitrationRecord, fairnessReport } from "../../../shared/domain/arbiter/index.ts";
import { DAY_MS } from "../../../shared/domain/time.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { json } from "../strategos/store.ts";
import { FairnessReportInput } from "./schemas.ts";
import { fairnessView } from "./views.ts";

/** The period a report covers when the request names no start: the 30 days before its end. */
export const DEFAULT_PERIOD_MS = 30 * DAY_MS;

interface DecisionFacts {
  id: string;
  parties: unknown;
  winner_party: string | null;
  fairness_score: string | null;
  stakeholder_satisfaction: string | null;
  appealed: boolean;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * `POST /fairness/report`: over the decisions made in a period (default: the 30 days up to the
 * request), average fairness and stakeholder satisfaction, the appeal rate, the resolution rate of
 * the cases registered in the period, and bias indicators (parties winning more often than chance
 * explains, by the domain's Poisson-binomial test). Stored in fairness_metrics; emits
 * `fairness.reported`.
 */
export const reportFairness = defineCapability({
  name: "fairness_report",
  description: "Reports average fairness, satisfaction, appeal and resolution rates and bias indicators for a period",
  input: FairnessReportInput,
  mutates: true,
  async handler(input, ctx) {
    const end = input.period_end ? new Date(input.period_end) : new Date();
    const start = input.period_start ? new Date(input.period_start) : new Date(end.getTime() - DEFAULT_PERIOD_MS);
    if (end.getTime() <= start.getTime()) {
      throw ApiError.validation([
        { field: "period_start", message: "must be before the period's end (now, when period_end is left out)" },
      ]);
    }
    const result = await ctx.transaction(async (tx, emit) => {
      const decisions = await tx<DecisionFacts[]>`
        select d.id, c.parties, p.winner_party, p.fairness_score::text, d.stakeholder_satisfaction::text,
               exists (select 1 from public.appeals a where a.workspace_id = d.workspace_id and a.decision_id = d.id) as appealed
        from public.arbitration_decisions d
        join public.conflict_cases c on c.workspace_id = d.workspace_id and c.id = d.case_id
        left join public.resolution_proposals p on p.workspace_id = d.workspace_id and p.id = d.proposal_id
        where d.workspace_id = ${ctx.workspaceId} and d.decided_at >= ${start} and d.decided_at < ${end}
        order by d.decided_at, d.id`;
      const [cases] = await tx<{ registered: number; settled: number }[]>`
        select count(*)::int as registered,
               count(*) filter (where status in ('decided', 'appealed', 'resolved', 'closed'))::int as settled
        from public.conflict_cases
        where workspace_id = ${ctx.workspaceId} and created_at >= ${start} and created_at < ${end}`;
      // Decisions without a scored proposal or a satisfaction figure cannot be averaged or tested.
      const records: ArbitrationRecord[] = decisions.flatMap((decision) =>
        decision.fairness_score === null ||
        decision.stakeholder_satisfaction === null ||
        !Array.isArray(decision.parties)
          ? []
          : [
              {
                id: decision.id,
                parties: decision.parties.map(String),
                winner: decision.winner_party,
                fairnessScore: Number(decision.fairness_score) / 100,
                satisfaction: Number(decision.stakeholder_satisfaction) / 100,
              },
            ],
      );
      const report = records.length > 0 ? fairnessReport(records) : null;
      const appealRate =
        decisions.length > 0 ? decisions.filter((decision) => decision.appealed).length / decisions.length : null;
      const resolutionRate = cases && cases.registered > 0 ? cases.settled / cases.registered : null;
      const stored = {
        decisions: decisions.length,
        scored_decisions: records.length,
        cases_registered: cases?.registered ?? 0,
        cases_settled: cases?.settled ?? 0,
        average_fairness: report?.averageFairness ?? null,
        average_satisfaction: report?.averageSatisfaction ?? null,
        appeal_rate: appealRate,
        resolution_rate: resolutionRate,
        significance_level: report?.significanceLevel ?? null,
        parties: (report?.parties ?? []).map((party) => ({
          party: party.party,
          participated: party.participated,
          decided: party.decided,
          wins: party.wins,
          expected_wins: party.expectedWins,
          win_share: party.winShare,
          p_value: party.pValue,
        })),
      };
      const bias = (report?.biasIndicators ?? []).map((indicator) => ({
        party: indicator.party,
        wins: indicator.wins,
        expected_wins: indicator.expectedWins,
        p_value: indicator.pValue,
        message: indicator.message,
      }));
      const [row] = await tx<FairnessMetricsRow[]>`
        insert into public.fairness_metrics (workspace_id, period_start, period_end, cases_count, average_fairness_score,
                                             satisfaction_average, appeal_rate, resolution_rate, bias_indicators, report,
                                             created_by)
        values (${ctx.workspaceId}, ${start}, ${end}, ${decisions.length},
                ${report ? round(100 * report.averageFairness, 2) : null},
                ${report ? round(100 * report.averageSatisfaction, 2) : null},
                ${appealRate === null ? null : round(appealRate, 3)}, ${resolutionRate === null ? null : round(resolutionRate, 3)},
                ${json(tx, bias)}, ${json(tx, stored)}, ${ctx.actor.userId})
        returning *`;
      const metrics = row as FairnessMetricsRow;
      const event = await emit("fairness.reported", {
        report_id: metrics.id,
        period_start: start.toISOString(),
        period_end: end.toISOString(),
        decisions: decisions.length,
        average_fairness_score: metrics.average_fairness_score === null ? null : Number(metrics.average_fairness_score),
        bias_indicators: bias.map((indicator) => indicator.party),
      });
      return { metrics, eventId: event.sequence };
    });
    ctx.state.count("fairness_reports");
    return { report: fairnessView(result.metrics), event_id: result.eventId };
  },
});
