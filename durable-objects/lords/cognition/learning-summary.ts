import * as v from "valibot";
import { integer, timestamp } from "../../../functions/campaigns/fields.ts";
import type { Tx } from "../../../shared/db/database.ts";
import type { Fragment } from "../../../shared/db/pagination.ts";
import { defineCapability } from "../capability.ts";

/** `GET /learning/summary`: an optional start of the window and how many top tags and sources to list. */
export const LearningSummaryInput = v.object({
  since: v.optional(timestamp("since")),
  top: v.optional(integer("top", 1, 50), 10),
});

/** A label and how often it occurs. */
export interface Tally {
  name: string;
  count: number;
}

/** The knowledge report: the journal, its syntheses, decisions and mentoring, over the window. */
export interface LearningSummary {
  since: string | null;
  learnings: {
    total: number;
    by_type: Record<string, number>;
    mean_confidence: number | null;
    /** Successes ÷ (successes + failures): how often recorded outcomes went well; null without outcomes. */
    success_share: number | null;
    first_at: Date | null;
    last_at: Date | null;
    top_tags: Tally[];
    top_sources: Tally[];
  };
  syntheses: {
    total: number;
    by_status: Record<string, number>;
    by_type: Record<string, number>;
    mean_confidence: number | null;
    strongest: { id: string; title: string; synthesis_type: string; confidence: number }[];
  };
  decisions: { total: number; by_status: Record<string, number>; mean_confidence: number | null };
  mentoring: {
    sessions: number;
    agents: number;
    by_status: Record<string, number>;
    /** Mean effectiveness of the sessions that could be scored; null before any could. */
    effectiveness: number | null;
    scored: number;
  };
}

const counts = (rows: readonly { key: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.key, r.n]));

/**
 * A knowledge report over the workspace's learning journal since `since` (everything without
 * it): learnings by type with mean confidence, success share and the most frequent tags and
 * sources; syntheses by status and type with the strongest published ones; the Cognition Lord's
 * decisions; mentoring sessions and how effective they proved.
 */
export const getLearningSummary = defineCapability({
  name: "get_learning_summary",
  description: "Reports on the learning journal: learnings, syntheses, decisions and mentoring effectiveness",
  input: LearningSummaryInput,
  mutates: false,
  async handler(input, ctx): Promise<LearningSummary> {
    const since = input.since ?? null;
    return ctx.transaction(async (tx) => {
      const window = (column: string): Fragment => (since ? tx`and ${tx(column)} >= ${since}` : tx``);
      const ws = ctx.workspaceId;
      const [learnings] = await tx<
        {
          total: number;
          mean_confidence: number | null;
          successes: number;
          failures: number;
          first_at: Date | null;
          last_at: Date | null;
        }[]
      >`
        select count(*)::int as total, avg(confidence)::float8 as mean_confidence,
               count(*) filter (where learning_type = 'success')::int as successes,
               count(*) filter (where learning_type = 'failure')::int as failures,
               min(created_at) as first_at, max(created_at) as last_at
        from public.learnings where workspace_id = ${ws} ${window("created_at")}`;
      const byType = await tx<{ key: string; n: number }[]>`
        select learning_type as key, count(*)::int as n from public.learnings
        where workspace_id = ${ws} ${window("created_at")} group by learning_type order by learning_type`;
      const tags = await tx<Tally[]>`
        select t.tag as name, count(*)::int as count
        from public.learnings l, jsonb_array_elements_text(l.tags) as t (tag)
        where l.workspace_id = ${ws} ${window("l.created_at")}
        group by t.tag order by count(*) desc, t.tag limit ${input.top}`;
      const sources = await tx<Tally[]>`
        select source as name, count(*)::int as count from public.learnings
        where workspace_id = ${ws} ${window("created_at")}
        group by source order by count(*) desc, source limit ${input.top}`;
      const syntheses = await synthesesReport(tx, ws, window);
      const [decisions] = await tx<{ total: number; mean_confidence: number | null }[]>`
        select count(*)::int as total, avg(confidence)::float8 as mean_confidence from public.decisions
        where workspace_id = ${ws} and lord = 'cognition' ${window("created_at")}`;
      const decisionStatus = await tx<{ key: string; n: number }[]>`
        select status as key, count(*)::int as n from public.decisions
        where workspace_id = ${ws} and lord = 'cognition' ${window("created_at")} group by status order by status`;
      const [mentoring] = await tx<
        { sessions: number; agents: number; effectiveness: number | null; scored: number }[]
      >`
        select count(*)::int as sessions, count(distinct agent_id)::int as agents,
               avg(effectiveness_score)::float8 as effectiveness, count(effectiveness_score)::int as scored
        from public.mentoring_sessions
        where workspace_id = ${ws} and mentor_lord = 'cognition' ${window("created_at")}`;
      const mentoringStatus = await tx<{ key: string; n: number }[]>`
        select status as key, count(*)::int as n from public.mentoring_sessions
        where workspace_id = ${ws} and mentor_lord = 'cognition' ${window("created_at")} group by status order by status`;

      const outcomes = (learnings?.successes ?? 0) + (learnings?.failures ?? 0);
      return {
        since,
        learnings: {
          total: learnings?.total ?? 0,
          by_type: counts(byType),
          mean_confidence: learnings?.mean_confidence ?? null,
          success_share: outcomes === 0 ? null : (learnings?.successes ?? 0) / outcomes,
          first_at: learnings?.first_at ?? null,
          last_at: learnings?.last_at ?? null,
          top_tags: tags,
          top_sources: sources,
        },
        syntheses,
        decisions: {
          total: decisions?.total ?? 0,
          by_status: counts(decisionStatus),
          mean_confidence: decisions?.mean_confidence ?? null,
        },
        mentoring: {
          sessions: mentoring?.sessions ?? 0,
          agents: mentoring?.agents ?? 0,
          by_status: counts(mentoringStatus),
          effectiveness: mentoring?.effectiveness ?? null,
          scored: mentoring?.scored ?? 0,
        },
      };
    });
  },
});

async function synthesesReport(
  tx: Tx,
  ws: string,
  window: (column: string) => Fragment,
): Promise<LearningSummary["syntheses"]> {
  const byStatus = await tx<{ key: string; n: number }[]>`
    select status as key, count(*)::int as n from public.syntheses
    where workspace_id = ${ws} ${window("created_at")} group by status order by status`;
  const byType = await tx<{ key: string; n: number }[]>`
    select synthesis_type as key, count(*)::int as n from public.syntheses
    where workspace_id = ${ws} and status = 'published' ${window("created_at")} group by synthesis_type order by synthesis_type`;
  const [published] = await tx<{ mean_confidence: number | null }[]>`
    select avg(confidence)::float8 as mean_confidence from public.syntheses
    where workspace_id = ${ws} and status = 'published' ${window("created_at")}`;
  const strongest = await tx<LearningSummary["syntheses"]["strongest"]>`
    select id, title, synthesis_type, confidence::float8 as confidence from public.syntheses
    where workspace_id = ${ws} and status = 'published' and confidence is not null ${window("created_at")}
    order by confidence desc, created_at desc limit 3`;
  return {
    total: byStatus.reduce((sum, row) => sum + row.n, 0),
    by_status: counts(byStatus),
    by_type: counts(byType),
    mean_confidence: published?.mean_confidence ?? null,
    strongest,
  };
}
