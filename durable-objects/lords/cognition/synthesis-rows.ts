import type { Tx } from "../../../shared/db/database.ts";
import type { Json, SynthesesStatus, SynthesesSynthesisType } from "../../../shared/db/rows.generated.ts";

/** A synthesis as the API returns it. */
export interface SynthesisView {
  id: string;
  workspace_id: string;
  synthesis_type: SynthesesSynthesisType;
  title: string;
  summary: string;
  insights: Json;
  confidence: number | null;
  status: SynthesesStatus;
  knowledge_memory_ids: string[];
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A learning a synthesis was built from, with the weight it carried. */
export interface SynthesisSource {
  id: string;
  learning_type: string;
  insight: string;
  confidence: number;
  weight: number;
}

/** The figures behind a synthesis, recomputed from its learnings. */
export interface SynthesisFigures {
  support: number;
  successes: number;
  failures: number;
  /** Share of the majority outcome among successes and failures (1 when there are none). */
  agreement: number;
  mean_confidence: number;
}

/** A synthesis with its learnings and figures. */
export interface SynthesisDetail extends SynthesisView {
  learnings: SynthesisSource[];
  figures: SynthesisFigures;
}

/** The synthesis columns in API form (`s` is public.syntheses). */
export function synthesisColumns(tx: Tx) {
  return tx`s.id, s.workspace_id, s.synthesis_type, s.title, s.summary, s.insights,
            s.confidence::float8 as confidence, s.status, s.knowledge_memory_ids, s.created_by, s.created_at,
            s.updated_at`;
}

/** Support, outcome counts, agreement and mean confidence of a synthesis's learnings. */
export function figuresOf(
  learnings: readonly Pick<SynthesisSource, "learning_type" | "confidence">[],
): SynthesisFigures {
  const successes = learnings.filter((l) => l.learning_type === "success").length;
  const failures = learnings.filter((l) => l.learning_type === "failure").length;
  const outcomes = successes + failures;
  return {
    support: learnings.length,
    successes,
    failures,
    agreement: outcomes === 0 ? 1 : Math.max(successes, failures) / outcomes,
    mean_confidence:
      learnings.length === 0 ? 0 : learnings.reduce((sum, l) => sum + l.confidence, 0) / learnings.length,
  };
}

/** Syntheses of the workspace with their learnings, in the order of `ids`. */
export async function loadSyntheses(tx: Tx, workspaceId: string, ids: readonly string[]): Promise<SynthesisDetail[]> {
  if (ids.length === 0) return [];
  const rows = await tx<SynthesisView[]>`
    select ${synthesisColumns(tx)} from public.syntheses s where s.workspace_id = ${workspaceId} and s.id in ${tx(ids)}`;
  const sources = await tx<(SynthesisSource & { synthesis_id: string })[]>`
    select sl.synthesis_id, l.id, l.learning_type, l.insight, l.confidence::float8 as confidence,
           sl.weight::float8 as weight
    from public.synthesis_learnings sl
    join public.learnings l on l.workspace_id = sl.workspace_id and l.id = sl.learning_id
    where sl.workspace_id = ${workspaceId} and sl.synthesis_id in ${tx(ids)}
    order by l.created_at, l.id`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const learnings = sources.filter((s) => s.synthesis_id === id).map(({ synthesis_id: _s, ...source }) => source);
    return [{ ...row, learnings, figures: figuresOf(learnings) }];
  });
}
