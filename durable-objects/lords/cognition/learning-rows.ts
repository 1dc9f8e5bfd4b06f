import type { Tx } from "../../../shared/db/database.ts";
import type { Json, LearningsLearningType } from "../../../shared/db/rows.generated.ts";
import type { Learning } from "../../../shared/domain/cognition/index.ts";
import type { Emit } from "../capability.ts";

/** A learning as the API returns it. */
export interface LearningView {
  id: string;
  workspace_id: string;
  learning_type: LearningsLearningType;
  source: string;
  insight: string;
  context: Json;
  confidence: number;
  tags: string[];
  agent_code: string | null;
  campaign_id: string | null;
  execution_id: string | null;
  knowledge_memory_ids: string[];
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** What a new learning says. */
export interface NewLearning {
  learning_type: "success" | "failure" | "pattern";
  source: string;
  insight: string;
  context: Record<string, unknown>;
  confidence: number;
  tags: string[];
  agent_code?: string | undefined;
  campaign_id?: string | undefined;
  execution_id?: string | undefined;
}

/** The learning columns in API form (`l` is public.learnings, `a` the joined agent_registry). */
export function learningColumns(tx: Tx) {
  return tx`l.id, l.workspace_id, l.learning_type, l.source, l.insight, l.context, l.confidence::float8 as confidence,
            l.tags, a.code as agent_code, l.campaign_id, l.execution_id, l.knowledge_memory_ids, l.created_by,
            l.created_at, l.updated_at`;
}

/** One learning of the workspace, or undefined. */
export async function findLearning(tx: Tx, workspaceId: string, id: string): Promise<LearningView | undefined> {
  const [row] = await tx<LearningView[]>`
    select ${learningColumns(tx)} from public.learnings l left join public.agent_registry a on a.id = l.agent_id
    where l.workspace_id = ${workspaceId} and l.id = ${id}`;
  return row;
}

/**
 * Inserts a learning and emits `learning.recorded` in the caller's transaction (as the actor for
 * `record_learning`, as the Lord for reactions). `agent_code` must be a registered code (the
 * input schemas check it against the agent registry).
 */
export async function insertLearning(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  createdBy: string | null,
  learning: NewLearning,
  extra: Record<string, unknown> = {},
): Promise<LearningView> {
  const [row] = await tx<{ id: string }[]>`
    insert into public.learnings (workspace_id, learning_type, source, insight, context, confidence, tags, agent_id,
                                  campaign_id, execution_id, created_by)
    values (${workspaceId}, ${learning.learning_type}, ${learning.source}, ${learning.insight},
            ${tx.json(learning.context as Parameters<Tx["json"]>[0])}, ${learning.confidence}, ${tx.json(learning.tags)},
            ${learning.agent_code ? tx`(select id from public.agent_registry where code = ${learning.agent_code})` : null},
            ${learning.campaign_id ?? null}, ${learning.execution_id ?? null}, ${createdBy})
    returning id`;
  if (!row) throw new Error("learning insert returned no row");
  const stored = await findLearning(tx, workspaceId, row.id);
  if (!stored) throw new Error("inserted learning is not visible");
  await emit("learning.recorded", {
    learning_id: stored.id,
    learning_type: stored.learning_type,
    source: stored.source,
    confidence: stored.confidence,
    tags: stored.tags,
    agent_code: stored.agent_code,
    ...extra,
  });
  return stored;
}

/** Filters on the learnings an algorithm reads. */
export interface LearningScope {
  tags?: string[] | undefined;
  since?: string | undefined;
  limit: number;
}

/**
 * The workspace's most recent learnings in the domain's shape, optionally only those carrying
 * any of `tags` or recorded since a time. Observations count as patterns: they report what was
 * seen, not an outcome.
 */
export async function loadLearnings(tx: Tx, workspaceId: string, scope: LearningScope): Promise<Learning[]> {
  const rows = await tx<
    {
      id: string;
      learning_type: string;
      insight: string;
      tags: Json;
      confidence: number;
      created_at: Date;
      source: string;
    }[]
  >`
    select id, learning_type, insight, tags, confidence::float8 as confidence, created_at, source
    from public.learnings
    where workspace_id = ${workspaceId}
      ${scope.tags && scope.tags.length > 0 ? tx`and tags ?| array(select jsonb_array_elements_text(${tx.json(scope.tags)}))` : tx``}
      ${scope.since ? tx`and created_at >= ${scope.since}` : tx``}
    order by created_at desc, id desc
    limit ${scope.limit}`;
  return rows.reverse().map((row) => ({
    id: row.id,
    type: row.learning_type === "success" || row.learning_type === "failure" ? row.learning_type : "pattern",
    insight: row.insight,
    tags: Array.isArray(row.tags) ? row.tags.filter((t): t is string => typeof t === "string") : [],
    confidence: row.confidence,
    recordedAt: row.created_at,
    source: row.source,
  }));
}
