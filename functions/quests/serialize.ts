import type { Json, QuestChaptersRow, QuestsRow } from "../../shared/db/rows.generated.ts";
import { questProgress, type SuccessMetric } from "../../shared/domain/campaigns/index.ts";
import { toWire, type Wire } from "../../shared/http/responses.ts";

/** A quest chapter as the API returns it. */
export type QuestChapter = Wire<QuestChaptersRow>;

/** A quest as the API returns it: its success metrics normalised and its progress computed. */
export type Quest = Omit<Wire<QuestsRow>, "success_metrics"> & {
  success_metrics: Required<SuccessMetric>[];
  /** Mean share of each success metric's target reached, 0…1. */
  progress: number;
  metrics_met: number;
  metrics_total: number;
};

/** A quest with its chapters in order (GET /quests/:id and creates). */
export type QuestWithChapters = Quest & { chapters: QuestChapter[] };

function isRecord(value: Json): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads stored success metrics, tolerating rows written before `current` and `unit` existed. */
export function readSuccessMetrics(stored: Json): Required<SuccessMetric>[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isRecord).flatMap((entry) => {
    const { metric, target, current, unit } = entry;
    if (typeof metric !== "string" || typeof target !== "number") return [];
    return [
      {
        metric,
        target,
        current: typeof current === "number" ? current : 0,
        unit: typeof unit === "string" ? unit : null,
      },
    ];
  });
}

/** A quests row as the API returns it. */
export function toQuest(row: QuestsRow): Quest {
  const metrics = readSuccessMetrics(row.success_metrics);
  const { progress, metricsMet, metricsTotal } = questProgress(metrics);
  return {
    ...toWire(row),
    success_metrics: metrics,
    progress,
    metrics_met: metricsMet,
    metrics_total: metricsTotal,
  };
}

/** A quest_chapters row as the API returns it. */
export function toChapter(row: QuestChaptersRow): QuestChapter {
  return toWire(row);
}
