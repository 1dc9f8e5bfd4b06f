import { DEPENDENCIES, type Dependency } from "../cache/dependencies.ts";
import { invalidateDependency } from "../cache/invalidation.ts";
import { type RecordedEvent, recordEvent } from "../events/record.ts";
import { dbOf, type KnowledgeActor, type KnowledgeDeps } from "./deps.ts";
import { bumpKnowledgeVersion } from "./version.ts";
import type { Category, Collection, Template } from "./vocabulary.ts";

/** One stored or deleted document's labels: what decides which cached data it affects. */
export interface KnowledgeChange {
  collection: Collection;
  template: Template | null;
  category: Category | null;
}

/**
 * The cached data a knowledge change makes stale: new brand guidelines invalidate the reviews
 * judged against the old ones; new competitor intelligence invalidates competitor profiles;
 * new organization preferences invalidate cached preferences.
 */
export function dependenciesAffectedBy(change: KnowledgeChange): Dependency[] {
  const affected = new Set<Dependency>();
  if (change.template === "brand_guidelines") affected.add("brand_guidelines");
  if (change.collection === "competitor_intel" || change.category === "competitive_intelligence") {
    affected.add("competitor_intel");
  }
  if (change.collection === "user_preferences") affected.add("user_preferences");
  return DEPENDENCIES.filter((dependency) => affected.has(dependency));
}

/**
 * After a committed change: moves the knowledge version on (so cached agent answers are not
 * reused), invalidates dependent cached data and records a `cache.invalidated` event for each
 * dependency that removed something. Returns the new version and the events recorded.
 */
export async function afterKnowledgeChange(
  deps: KnowledgeDeps,
  actor: KnowledgeActor,
  changes: readonly KnowledgeChange[],
  cause: "knowledge.ingested" | "knowledge.deleted",
): Promise<{ knowledgeVersion: number; events: RecordedEvent[] }> {
  const workspaceId = actor.workspaceId.toLowerCase();
  const knowledgeVersion = await bumpKnowledgeVersion(deps.redis, workspaceId);
  const dependencies = new Set(changes.flatMap(dependenciesAffectedBy));
  const events: RecordedEvent[] = [];
  for (const dependency of DEPENDENCIES.filter((name) => dependencies.has(name))) {
    const result = await invalidateDependency(deps.redis, workspaceId, dependency);
    if (result.removed === 0) continue;
    events.push(
      await dbOf(deps)((tx) =>
        recordEvent(tx, {
          workspaceId,
          type: "cache.invalidated",
          payload: { trigger: "dependent_data", dependency, cause, removed: result.removed, by_type: result.by_type },
          actorId: actor.actorId ?? null,
          requestId: actor.requestId ?? null,
        }),
      ),
    );
  }
  return { knowledgeVersion, events };
}
