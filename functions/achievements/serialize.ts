import type { AchievementsRow } from "../../shared/db/rows.generated.ts";
import { achievementProgress } from "../../shared/domain/campaigns/index.ts";
import { numeric, toWire, type Wire } from "../../shared/http/responses.ts";

/** An achievement as the API returns it, with its progress toward the target. */
export type Achievement = Omit<Wire<AchievementsRow>, "target_value" | "current_value"> & {
  target_value: number | null;
  current_value: number;
  /** Share of target_value reached, 0…1; null without a positive target. */
  progress: number | null;
};

/** An achievements row as the API returns it. */
export function toAchievement(row: AchievementsRow): Achievement {
  const target = numeric(row.target_value);
  const current = Number(row.current_value);
  return {
    ...toWire(row),
    target_value: target,
    current_value: current,
    progress: achievementProgress(target, current),
  };
}
