import type { Tx } from "../../../shared/db/database.ts";
import type { Json } from "../../../shared/db/rows.generated.ts";
import type { OrganizationalGoal } from "../../../shared/domain/architect/index.ts";
import type { GuildRef } from "./guidance-rows.ts";

/** An initiative still in play, as context for guidance and reviews. */
export interface OpenInitiative {
  id: string;
  name: string;
  description: string | null;
  status: string;
  priority: string;
  objectives: string[];
}

/** A period of the guild's performance in this workspace. */
export interface GuildPeriod {
  period_start: Date;
  period_end: Date;
  executions: number;
  successes: number;
  failures: number;
  avg_latency_ms: number | null;
  cost_usd: number;
  quality_score: number | null;
}

/** What the Architect knows about a workspace when it advises one of its guilds. */
export interface WorkspaceContext {
  workspace: string;
  guild: GuildRef;
  initiatives: OpenInitiative[];
  performance: GuildPeriod[];
  members: number;
  previous: { title: string; guidance: string; alignment_score: number | null } | null;
  learnings: { learning_type: string; insight: string; confidence: number }[];
}

/** How many of each kind of record the prompt carries: enough to ground it, few enough to stay cheap. */
const LIMITS = { initiatives: 10, periods: 3, learnings: 5 } as const;

/** Open initiatives (not completed, cancelled or rejected), highest priority first, then newest. */
export async function openInitiatives(tx: Tx, workspaceId: string): Promise<OpenInitiative[]> {
  const rows = await tx<(Omit<OpenInitiative, "objectives"> & { objectives: Json })[]>`
    select id, name, description, status, priority, objectives from public.initiatives
    where workspace_id = ${workspaceId} and status not in ('completed', 'cancelled', 'rejected')
    order by array_position(array['critical', 'high', 'medium', 'low', 'deferred'], priority), created_at desc
    limit ${LIMITS.initiatives}`;
  return rows.map((row) => ({ ...row, objectives: objectiveTitles(row.objectives) }));
}

/** Objective titles from either stored form: designed objectives (`{title}`) or plain strings. */
function objectiveTitles(objectives: Json): string[] {
  if (!Array.isArray(objectives)) return [];
  return objectives.flatMap((o) => {
    if (typeof o === "string") return [o];
    if (o && typeof o === "object" && !Array.isArray(o) && typeof o.title === "string") return [o.title];
    return [];
  });
}

/**
 * The organisation's goals as its open initiatives state them: each initiative is a goal, its
 * keywords the objective titles (or, without objectives, the content words of its name and
 * description).
 */
export function goalsFromInitiatives(initiatives: readonly OpenInitiative[]): OrganizationalGoal[] {
  return initiatives.map((initiative) => ({
    id: initiative.id,
    description: [initiative.name, initiative.description].filter(Boolean).join(". "),
    ...(initiative.objectives.length > 0 ? { keywords: initiative.objectives } : {}),
  }));
}

/** Reads the workspace's context for advising `guild`, as the actor (RLS applies). */
export async function loadWorkspaceContext(tx: Tx, workspaceId: string, guild: GuildRef): Promise<WorkspaceContext> {
  const [workspace] = await tx<{ name: string }[]>`select name from public.workspaces where id = ${workspaceId}`;
  const performance = await tx<GuildPeriod[]>`
    select period_start, period_end, executions, successes, failures, avg_latency_ms, cost_usd::float8 as cost_usd,
           quality_score::float8 as quality_score
    from public.guild_performance_metrics
    where workspace_id = ${workspaceId} and guild_id = ${guild.id}
    order by period_start desc limit ${LIMITS.periods}`;
  const [roster] = await tx<{ n: number }[]>`
    select count(*)::int as n from public.guild_members
    where workspace_id = ${workspaceId} and guild_id = ${guild.id} and status = 'active'`;
  const [previous] = await tx<NonNullable<WorkspaceContext["previous"]>[]>`
    select title, guidance, alignment_score::float8 as alignment_score from public.strategic_guidance
    where workspace_id = ${workspaceId} and guild_id = ${guild.id} and guidance_type = 'guidance' and status = 'active'
    order by created_at desc limit 1`;
  const learnings = await tx<WorkspaceContext["learnings"]>`
    select learning_type, insight, confidence::float8 as confidence from public.learnings
    where workspace_id = ${workspaceId}
    order by created_at desc limit ${LIMITS.learnings}`;
  return {
    workspace: workspace?.name ?? workspaceId,
    guild,
    initiatives: await openInitiatives(tx, workspaceId),
    performance,
    members: roster?.n ?? 0,
    previous: previous ?? null,
    learnings,
  };
}

/** The context as prompt text: one section per kind of record, figures as measured. */
export function describeContext(context: WorkspaceContext): string {
  const lines = [
    `Workspace: ${context.workspace}`,
    `Guild: ${context.guild.name} (${context.guild.slug}) — ${context.guild.description}`,
    `Active guild members in this workspace: ${context.members}`,
  ];
  lines.push("Open initiatives:");
  if (context.initiatives.length === 0) lines.push("- none");
  for (const i of context.initiatives) {
    const objectives = i.objectives.length > 0 ? `; objectives: ${i.objectives.join("; ")}` : "";
    lines.push(`- ${i.name} [${i.status}, ${i.priority} priority]${objectives}`);
  }
  lines.push("Guild performance (most recent periods):");
  if (context.performance.length === 0) lines.push("- no recorded periods");
  for (const p of context.performance) {
    const rate = p.executions > 0 ? `${Math.round((100 * p.successes) / p.executions)}% success` : "no executions";
    lines.push(
      `- ${p.period_start.toISOString().slice(0, 10)} to ${p.period_end.toISOString().slice(0, 10)}: ${p.executions} executions, ${rate}, avg latency ${p.avg_latency_ms ?? "n/a"} ms, cost $${p.cost_usd}, quality ${p.quality_score ?? "n/a"}`,
    );
  }
  lines.push("Recent learnings:");
  if (context.learnings.length === 0) lines.push("- none");
  for (const l of context.learnings) lines.push(`- (${l.learning_type}, confidence ${l.confidence}) ${l.insight}`);
  if (context.previous) lines.push(`Current guidance, to build on or replace: ${context.previous.guidance}`);
  return lines.join("\n");
}
