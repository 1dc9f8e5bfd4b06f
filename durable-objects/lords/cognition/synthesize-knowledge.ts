import * as v from "valibot";
import { integer, strictBody, timestamp } from "../../../functions/campaigns/fields.ts";
import type { Tx } from "../../../shared/db/database.ts";
import { type Learning, type Synthesis, synthesizeLearnings } from "../../../shared/domain/cognition/index.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import { defineCapability, type Emit } from "../capability.ts";
import { learningWindow, tagList, unit } from "./inputs.ts";
import { loadLearnings } from "./learning-rows.ts";
import { forgetSyntheses, type Remembered, rememberSyntheses } from "./remember.ts";
import { loadSyntheses, type SynthesisDetail } from "./synthesis-rows.ts";

/** `POST /synthesis/create`: which learnings to synthesise and how closely they must relate. */
export const SynthesizeKnowledgeInput = strictBody({
  tags: v.optional(tagList("tags")),
  since: v.optional(timestamp("since")),
  similarity_threshold: v.optional(
    v.pipe(unit("similarity_threshold"), v.minValue(0.01, "similarity_threshold must be ≥ 0.01")),
  ),
  min_support: v.optional(integer("min_support", 1, 50)),
  max_learnings: learningWindow,
});

/** What a synthesis run did. */
export interface SynthesisRun {
  created: SynthesisDetail[];
  unchanged: string[];
  superseded: string[];
  unsynthesized: string[];
  learnings_considered: number;
  knowledge: { stored: Record<string, Remembered>; removed_chunks: number | null };
}

/**
 * Groups related learnings (shared tags or vocabulary, Jaccard ≥ the threshold, transitively)
 * into trend, pattern, prediction or recommendation syntheses whose confidence grows with support
 * and agreement. Each new synthesis supersedes the published ones that share a learning with it;
 * one identical to a published synthesis (same learnings, type and statement) is left as it is.
 * New syntheses go to the knowledge base and superseded ones leave it.
 */
export const synthesizeKnowledge = defineCapability({
  name: "synthesize_knowledge",
  description: "Groups related learnings into trend, pattern, prediction and recommendation syntheses",
  input: SynthesizeKnowledgeInput,
  mutates: true,
  async handler(input, ctx): Promise<SynthesisRun> {
    const learnings = await ctx.transaction((tx) =>
      loadLearnings(tx, ctx.workspaceId, { tags: input.tags, since: input.since, limit: input.max_learnings }),
    );
    const result = synthesizeLearnings(learnings, {
      similarityThreshold: input.similarity_threshold,
      minSupport: input.min_support,
    });
    if (result.syntheses.length === 0) {
      throw ApiError.unprocessable(
        `No group of related learnings is large enough to synthesise (${learnings.length} learnings considered)`,
        [{ field: "min_support", message: `no group of at least ${input.min_support ?? 2} related learnings` }],
        "NOTHING_TO_SYNTHESIZE",
      );
    }

    const run = await ctx.transaction((tx, emit) =>
      storeSyntheses(tx, emit, ctx.workspaceId, ctx.actor.userId, result.syntheses, learnings, {
        unsynthesized: result.unsynthesized.length,
      }),
    );
    const caller = { actorId: ctx.actor.userId, requestId: ctx.requestId };
    const stored = await rememberSyntheses(
      ctx,
      caller,
      run.created.map((s) => ({
        id: s.id,
        synthesis_type: s.synthesis_type,
        title: s.title,
        summary: s.summary,
        confidence: s.confidence ?? 0,
        support: s.figures.support,
        insights: s.learnings.map((l) => l.insight),
      })),
    );
    const removed = await forgetSyntheses(ctx, caller, run.superseded);
    for (const synthesis of run.created) {
      const knowledge = stored.get(synthesis.id);
      if (knowledge?.stored) synthesis.knowledge_memory_ids = knowledge.memory_ids;
      ctx.state.track("syntheses", synthesis.id, synthesis.synthesis_type);
    }
    for (const id of run.superseded) ctx.state.release("syntheses", id);
    ctx.state.count("syntheses_created", run.created.length);
    return {
      ...run,
      unsynthesized: result.unsynthesized,
      learnings_considered: learnings.length,
      knowledge: { stored: Object.fromEntries(stored), removed_chunks: removed },
    };
  },
});

interface Published {
  id: string;
  synthesis_type: string;
  summary: string;
  learning_ids: string[];
}

async function storeSyntheses(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  actorId: string,
  syntheses: readonly Synthesis[],
  learnings: readonly Learning[],
  counts: { unsynthesized: number },
): Promise<Pick<SynthesisRun, "created" | "unchanged" | "superseded">> {
  const published = await tx<Published[]>`
    select s.id, s.synthesis_type, s.summary,
           coalesce(jsonb_agg(sl.learning_id) filter (where sl.learning_id is not null), '[]') as learning_ids
    from public.syntheses s
    left join public.synthesis_learnings sl on sl.workspace_id = s.workspace_id and sl.synthesis_id = s.id
    where s.workspace_id = ${workspaceId} and s.status = 'published'
    group by s.id`;
  const confidenceOf = new Map(learnings.map((l) => [l.id, l.confidence]));
  const insightOf = new Map(learnings.map((l) => [l.id, l.insight]));
  const createdIds: string[] = [];
  const unchanged: string[] = [];
  const superseded = new Set<string>();

  for (const synthesis of syntheses) {
    const members = new Set(synthesis.learningIds);
    const overlapping = published.filter((p) => p.learning_ids.some((id) => members.has(id)));
    const same = overlapping.find(
      (p) =>
        p.synthesis_type === synthesis.type &&
        p.summary === synthesis.statement &&
        p.learning_ids.length === members.size &&
        p.learning_ids.every((id) => members.has(id)),
    );
    if (same) {
      unchanged.push(same.id);
      continue;
    }
    const [row] = await tx<{ id: string }[]>`
      insert into public.syntheses (workspace_id, synthesis_type, title, summary, insights, confidence, status, created_by)
      values (${workspaceId}, ${synthesis.type}, ${titleOf(synthesis)}, ${synthesis.statement},
              ${tx.json(synthesis.learningIds.map((id) => insightOf.get(id) ?? ""))}, ${synthesis.confidence},
              'published', ${actorId})
      returning id`;
    if (!row) throw new Error("synthesis insert returned no row");
    await tx`insert into public.synthesis_learnings ${tx(
      synthesis.learningIds.map((id) => ({
        workspace_id: workspaceId,
        synthesis_id: row.id,
        learning_id: id,
        // Each learning weighs what its recorder was sure of: the synthesis's confidence averages them.
        weight: confidenceOf.get(id) ?? 0,
      })),
    )}`;
    createdIds.push(row.id);
    for (const p of overlapping) superseded.add(p.id);
  }
  if (superseded.size > 0) {
    await tx`update public.syntheses set status = 'superseded'
             where workspace_id = ${workspaceId} and id in ${tx([...superseded])} and status = 'published'`;
  }
  const created = await loadSyntheses(tx, workspaceId, createdIds);
  await emit("learning.synthesized", {
    created: created.map((s) => ({ id: s.id, synthesis_type: s.synthesis_type, confidence: s.confidence })),
    superseded: [...superseded],
    unchanged,
    learnings_considered: learnings.length,
    unsynthesized: counts.unsynthesized,
  });
  return { created, unchanged, superseded: [...superseded] };
}

function titleOf(synthesis: Synthesis): string {
  const kind = synthesis.type.charAt(0).toUpperCase() + synthesis.type.slice(1);
  const about = synthesis.theme.length > 0 ? synthesis.theme.join(", ") : `${synthesis.support} related learnings`;
  return `${kind}: ${about}`.slice(0, 300);
}
