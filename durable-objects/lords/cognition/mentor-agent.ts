import * as v from "valibot";
import { integer, strictBody, timestamp } from "../../../functions/campaigns/fields.ts";
import { getAgent } from "../../../shared/agents/registry/index.ts";
import type { Tx } from "../../../shared/db/database.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";
import {
  type ExecutionRecord,
  type Guidance,
  type Mentoring,
  mentorAgent as mentor,
} from "../../../shared/domain/cognition/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability } from "../capability.ts";
import { mentoringEffectiveness } from "./effectiveness.ts";
import { agentCode, unit } from "./inputs.ts";

const nonNegative = (field: string) =>
  v.pipe(
    v.number(`${field} must be a number`),
    v.finite(`${field} must be finite`),
    v.minValue(0, `${field} must be ≥ 0`),
  );

/** `POST /mentoring/provide`: the agent, optional targets, and how much history to read. */
export const MentorAgentInput = strictBody({
  agent_code: agentCode("agent_code"),
  targets: v.optional(
    strictBody({
      success_rate: v.optional(unit("targets.success_rate")),
      p95_latency_ms: v.optional(
        v.pipe(nonNegative("targets.p95_latency_ms"), v.gtValue(0, "targets.p95_latency_ms must be > 0")),
      ),
      cost_per_run_usd: v.optional(nonNegative("targets.cost_per_run_usd")),
    }),
    {},
  ),
  limit: v.optional(integer("limit", 1, 1000), 200),
  since: v.optional(timestamp("since")),
});

/** A mentoring session as the API returns it. */
export interface MentoringSessionView {
  id: string;
  workspace_id: string;
  agent_code: string;
  mentor_lord: string;
  topic: string;
  guidance: string;
  recommendations: Json;
  status: string;
  effectiveness_score: number | null;
  created_by: string | null;
  created_at: Date;
}

/** The session, the figures it was drawn from, and how the previous session fared. */
export interface MentoringResult {
  session: MentoringSessionView;
  mentoring: Mentoring;
  previous: { session_id: string; effectiveness_score: number | null; runs_since: number } | null;
}

interface Run extends ExecutionRecord {
  created_at: Date;
}

/**
 * Mentors an agent from its execution history in the workspace (success rate and its drift,
 * latency percentiles, cost and outliers, recurring errors): guidance per area with a severity,
 * stored as a mentoring session. The agent's previous session is scored for effectiveness by
 * the share of the areas it raised that the runs since it no longer raise.
 */
export const mentorAgent = defineCapability({
  name: "mentor_agent",
  description: "Mentors an agent from its execution history: success rate, latency, cost and recurring errors",
  input: MentorAgentInput,
  mutates: true,
  async handler(input, ctx): Promise<MentoringResult> {
    const targets = {
      ...(input.targets.success_rate !== undefined && { successRate: input.targets.success_rate }),
      ...(input.targets.p95_latency_ms !== undefined && { p95LatencyMs: input.targets.p95_latency_ms }),
      ...(input.targets.cost_per_run_usd !== undefined && { costPerRunUsd: input.targets.cost_per_run_usd }),
    };
    const { runs, previous } = await ctx.transaction(async (tx) => ({
      runs: await history(tx, ctx.workspaceId, input.agent_code, input.limit, input.since),
      previous: await previousSession(tx, ctx.workspaceId, input.agent_code),
    }));
    if (runs.length === 0) {
      throw ApiError.unprocessable(
        `${input.agent_code} has no finished executions in this workspace to learn from`,
        [{ field: "agent_code", message: "has no finished executions in this workspace" }],
        "NO_EXECUTION_HISTORY",
      );
    }
    const mentoring = mentor(runs, targets);
    const runsSince = previous ? runs.filter((run) => run.created_at > previous.created_at) : [];
    const effectiveness = previous
      ? mentoringEffectiveness(previous.raised, runsSince.length > 0 ? mentor(runsSince, targets) : null)
      : null;
    const agent = getAgent(input.agent_code);

    const session = await ctx.transaction(async (tx, emit) => {
      if (previous && effectiveness !== null) {
        await tx`update public.mentoring_sessions set effectiveness_score = ${effectiveness}
                 where workspace_id = ${ctx.workspaceId} and id = ${previous.id}`;
      }
      const [row] = await tx<MentoringSessionView[]>`
        insert into public.mentoring_sessions (workspace_id, agent_id, mentor_lord, topic, guidance, recommendations,
                                               created_by)
        values (${ctx.workspaceId}, (select id from public.agent_registry where code = ${input.agent_code}), 'cognition',
                ${topicOf(mentoring)}, ${summaryOf(input.agent_code, agent?.name ?? "", mentoring)},
                ${tx.json(mentoring.guidance as unknown as Parameters<typeof tx.json>[0])}, ${ctx.actor.userId})
        returning id, workspace_id, ${input.agent_code}::text as agent_code, mentor_lord, topic, guidance, recommendations,
                  status, effectiveness_score::float8 as effectiveness_score, created_by, created_at`;
      if (!row) throw new Error("mentoring session insert returned no row");
      await emit("mentoring.provided", {
        session_id: row.id,
        agent_code: input.agent_code,
        status: mentoring.status,
        runs: mentoring.runs,
        success_rate: mentoring.successRate,
        guidance: mentoring.guidance.map((g) => ({ area: g.area, severity: g.severity })),
        previous_session_id: previous?.id ?? null,
        previous_effectiveness: effectiveness,
      });
      return row;
    });
    ctx.state.count("mentoring_sessions");
    ctx.state.track("agents_mentored", input.agent_code, mentoring.status);
    return {
      session,
      mentoring,
      previous: previous
        ? { session_id: previous.id, effectiveness_score: effectiveness, runs_since: runsSince.length }
        : null,
    };
  },
});

// Finished runs, oldest first; a run without a recorded latency counts the time it took to finish.
async function history(tx: Tx, workspaceId: string, code: string, limit: number, since?: string): Promise<Run[]> {
  const rows = await tx<
    { status: string; latency_ms: number; cost_usd: number; error: string | null; created_at: Date }[]
  >`
    select status, latency_ms, cost_usd, error, created_at from (
      select e.id, e.status, e.cost_usd::float8 as cost_usd, e.error, e.created_at,
             coalesce(e.latency_ms::float8,
                      extract(epoch from (e.completed_at - coalesce(e.started_at, e.queued_at))) * 1000) as latency_ms
      from public.agent_execution_logs e
      where e.workspace_id = ${workspaceId}
        and e.agent_id = (select id from public.agent_registry where code = ${code})
        and e.status in ('succeeded', 'failed', 'dead_lettered')
        ${since ? tx`and e.created_at >= ${since}` : tx``}
    ) runs
    where latency_ms is not null
    order by created_at desc, id desc
    limit ${limit}`;
  return rows.reverse().map((row) => ({
    succeeded: row.status === "succeeded",
    latencyMs: Math.max(0, row.latency_ms),
    costUsd: row.cost_usd,
    ...(row.error ? { error: row.error } : {}),
    created_at: row.created_at,
  }));
}

interface PreviousSession {
  id: string;
  created_at: Date;
  raised: Pick<Guidance, "area">[];
}

async function previousSession(tx: Tx, workspaceId: string, code: string): Promise<PreviousSession | null> {
  const [row] = await tx<{ id: string; created_at: Date; recommendations: Json }[]>`
    select s.id, s.created_at, s.recommendations from public.mentoring_sessions s
    where s.workspace_id = ${workspaceId} and s.mentor_lord = 'cognition'
      and s.agent_id = (select id from public.agent_registry where code = ${code})
    order by s.created_at desc limit 1`;
  if (!row) return null;
  const raised = Array.isArray(row.recommendations)
    ? row.recommendations.flatMap((r) =>
        r && typeof r === "object" && !Array.isArray(r) && typeof r.area === "string"
          ? [{ area: r.area as Guidance["area"] }]
          : [],
      )
    : [];
  return { id: row.id, created_at: row.created_at, raised };
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function topicOf(mentoring: Mentoring): string {
  const areas = [...new Set(mentoring.guidance.map((g) => g.area))];
  const label = { healthy: "Healthy", needs_attention: "Needs attention", critical: "Critical" }[mentoring.status];
  return areas.length > 0 ? `${label}: ${areas.join(", ")}` : `${label}: within every target`;
}

function summaryOf(code: string, name: string, m: Mentoring): string {
  const figures = `${code}${name ? ` (${name})` : ""}: ${m.runs} runs, ${pct(m.successRate)} succeeded, p95 latency ${Math.round(m.latency.p95)} ms, mean cost $${m.cost.mean.toFixed(4)}.`;
  const advice =
    m.guidance.length > 0 ? m.guidance.map((g) => g.message).join(" ") : "Every target is met; keep the current setup.";
  return `${figures} ${advice}`;
}
