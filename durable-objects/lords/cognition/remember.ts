import { publishEvents } from "../../../shared/events/publish.ts";
import {
  type IngestResult,
  ingestMany,
  KnowledgeError,
  type KnowledgeInputDraft,
  knowledgeDeps,
  parseKnowledgeInput,
  remove,
} from "../../../shared/knowledge/index.ts";
import type { LordContext } from "../capability.ts";
import type { LearningView } from "./learning-rows.ts";

/** The Cognition Lord's agent code: what it stores in the knowledge base is filed under it. */
const COGNITION_CODE = "LORD-002";

/** Where a row went in the knowledge base, or why it did not. */
export type Remembered =
  | { stored: true; document_id: string | null; memory_ids: string[] }
  | { stored: false; error: string };

/** A synthesis as the knowledge base stores it. */
export interface SynthesisKnowledge {
  id: string;
  synthesis_type: string;
  title: string;
  summary: string;
  confidence: number;
  support: number;
  insights: string[];
}

/** Who caused the change, for the knowledge base's rows and events. */
interface Caller {
  actorId: string | null;
  requestId: string | null;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A learning as a best-practices document: the insight as the practice, failures as pitfalls. */
export function learningDocument(learning: LearningView): KnowledgeInputDraft {
  const kind =
    learning.learning_type === "failure" ? "Failure" : learning.learning_type === "success" ? "Success" : "Pattern";
  const tags = learning.tags.length > 0 ? `; tags: ${learning.tags.join(", ")}` : "";
  return {
    title: clip(`${kind} learning: ${learning.insight}`, 300),
    category: learning.learning_type === "failure" ? "risk_management" : "best_practices",
    source: `cognition:learning:${learning.id}`,
    memory_type: "insight",
    agent_code: COGNITION_CODE,
    document: {
      template: "best_practices",
      practice: clip(learning.insight, 300),
      context: `${kind} recorded from ${learning.source} with confidence ${learning.confidence}${tags}`,
      pitfalls: learning.learning_type === "failure" ? [clip(learning.insight, 2000)] : [],
      ...(learning.insight.length > 300 ? { body: learning.insight } : {}),
    },
  };
}

/** A synthesis as a best-practices document: the statement as the practice, its learnings as evidence. */
export function synthesisDocument(synthesis: SynthesisKnowledge): KnowledgeInputDraft {
  return {
    title: clip(synthesis.title, 300),
    category: "best_practices",
    source: `cognition:synthesis:${synthesis.id}`,
    memory_type: "insight",
    agent_code: COGNITION_CODE,
    document: {
      template: "best_practices",
      practice: clip(synthesis.summary, 300),
      context: `A ${synthesis.synthesis_type} synthesised from ${synthesis.support} learnings, confidence ${synthesis.confidence}`,
      evidence: clip(synthesis.insights.map((insight) => `- ${insight}`).join("\n"), 20_000),
      ...(synthesis.summary.length > 300 ? { body: synthesis.summary } : {}),
    },
  };
}

function depsOf(ctx: LordContext) {
  // System work: the Lord writes knowledge on its own authority, scoped by workspace in every statement.
  return knowledgeDeps(ctx.services, {
    logger: ctx.logger,
    publish: (events) => publishEvents(ctx.env, events, { logger: ctx.logger }),
  });
}

// Stores documents and records their chunks on the rows; a knowledge-base failure leaves the rows
// (the system of record) as they are and is reported, not thrown.
async function store(
  ctx: LordContext,
  caller: Caller,
  table: "learnings" | "syntheses",
  rows: readonly { id: string; document: KnowledgeInputDraft }[],
): Promise<Map<string, Remembered>> {
  const out = new Map<string, Remembered>();
  if (rows.length === 0) return out;
  let results: IngestResult[];
  try {
    const outcome = await ingestMany(
      depsOf(ctx),
      { workspaceId: ctx.workspaceId, actorId: caller.actorId, requestId: caller.requestId },
      rows.map((row) => parseKnowledgeInput(row.document)),
    );
    results = outcome.results;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    ctx.logger.warn("knowledge base write failed", { table, ids: rows.map((row) => row.id), error });
    for (const row of rows) out.set(row.id, { stored: false, error });
    return out;
  }
  await ctx.serviceTransaction(async (tx) => {
    for (const [i, row] of rows.entries()) {
      const result = results[i];
      const memoryIds = result ? result.memories.map((memory) => memory.memory_id) : [];
      await tx`update ${tx(`public.${table}`)} set knowledge_memory_ids = ${tx.json(memoryIds)}
               where workspace_id = ${ctx.workspaceId} and id = ${row.id}`;
      out.set(row.id, { stored: true, document_id: result?.document_id ?? null, memory_ids: memoryIds });
    }
  });
  return out;
}

/** Writes a learning to the knowledge base so agents retrieve it, and records its chunks on the learning. */
export async function rememberLearning(ctx: LordContext, caller: Caller, learning: LearningView): Promise<Remembered> {
  const stored = await store(ctx, caller, "learnings", [{ id: learning.id, document: learningDocument(learning) }]);
  return stored.get(learning.id) ?? { stored: false, error: "not stored" };
}

/** Writes published syntheses to the knowledge base, recording each one's chunks on its row. */
export function rememberSyntheses(
  ctx: LordContext,
  caller: Caller,
  syntheses: readonly SynthesisKnowledge[],
): Promise<Map<string, Remembered>> {
  return store(
    ctx,
    caller,
    "syntheses",
    syntheses.map((synthesis) => ({ id: synthesis.id, document: synthesisDocument(synthesis) })),
  );
}

/**
 * Removes superseded syntheses' chunks from the knowledge base, except chunks a current synthesis
 * or a learning still holds (identical text is stored once per workspace). Returns how many
 * chunks went; a failure is logged and reported as null.
 */
export async function forgetSyntheses(
  ctx: LordContext,
  caller: Caller,
  supersededIds: readonly string[],
): Promise<number | null> {
  if (supersededIds.length === 0) return 0;
  const stale = await ctx.serviceTransaction(async (tx) => {
    const rows = await tx<{ memory_id: string }[]>`
      select distinct m.memory_id
      from public.syntheses s, jsonb_array_elements_text(s.knowledge_memory_ids) as m (memory_id)
      where s.workspace_id = ${ctx.workspaceId} and s.id in ${tx(supersededIds)}
        and not exists (
          select 1 from public.syntheses keep
          where keep.workspace_id = ${ctx.workspaceId} and keep.status <> 'superseded'
            and keep.knowledge_memory_ids ? m.memory_id)
        and not exists (
          select 1 from public.learnings l
          where l.workspace_id = ${ctx.workspaceId} and l.knowledge_memory_ids ? m.memory_id)`;
    return rows.map((row) => row.memory_id);
  });
  if (stale.length === 0) return 0;
  try {
    const removed = await remove(
      depsOf(ctx),
      { workspaceId: ctx.workspaceId, actorId: caller.actorId, requestId: caller.requestId },
      { memoryIds: stale },
      { reason: "synthesis superseded" },
    );
    return removed.deleted.length;
  } catch (err) {
    // Chunks already gone (removed through the knowledge API) leave nothing to do.
    if (err instanceof KnowledgeError && err.code === "NOT_FOUND") return 0;
    ctx.logger.warn("knowledge base removal failed", {
      syntheses: supersededIds,
      error: err instanceof Error ? err.message : String(err),
    });
    return null;
  }
}
