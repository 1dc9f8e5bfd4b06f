import { describe, expect, it } from "vitest";
import { columnValues } from "../../../../shared/db/rows.generated.ts";
import {
  ACHIEVEMENT_STATUSES,
  ACHIEVEMENT_TYPES,
  type AchievementState,
  achievementProgress,
  settleAchievement,
} from "../../../../shared/domain/campaigns/index.ts";

const now = new Date("2027-03-10T12:00:00Z");
const earlier = new Date("2027-03-01T09:00:00Z");
const base: AchievementState = {
  type: "metric_target",
  status: "in_progress",
  targetValue: 100,
  currentValue: 37,
  unlockedAt: null,
};

describe("settleAchievement", () => {
  it("matches the table's types and statuses", () => {
    expect([...ACHIEVEMENT_TYPES]).toEqual([...columnValues.achievements.achievement_type]);
    expect([...ACHIEVEMENT_STATUSES]).toEqual([...columnValues.achievements.status]);
  });

  it("keeps the requested status while a metric target is not reached", () => {
    expect(settleAchievement(base, now)).toEqual({ status: "in_progress", unlockedAt: null });
    expect(settleAchievement({ ...base, status: "locked" }, now)).toEqual({ status: "locked", unlockedAt: null });
  });

  it("unlocks a metric target once the current value reaches it, stamping the time once", () => {
    expect(settleAchievement({ ...base, currentValue: 100 }, now)).toEqual({ status: "unlocked", unlockedAt: now });
    expect(settleAchievement({ ...base, currentValue: 140, status: "locked" }, now).status).toBe("unlocked");
    expect(settleAchievement({ ...base, currentValue: 150, unlockedAt: earlier }, now).unlockedAt).toBe(earlier);
  });

  it("never auto-unlocks other kinds, and clears the stamp when locked again", () => {
    expect(settleAchievement({ ...base, type: "milestone", currentValue: 500 }, now).status).toBe("in_progress");
    expect(settleAchievement({ ...base, type: "badge", status: "unlocked" }, now)).toEqual({
      status: "unlocked",
      unlockedAt: now,
    });
    expect(settleAchievement({ ...base, type: "streak", status: "locked", unlockedAt: earlier }, now)).toEqual({
      status: "locked",
      unlockedAt: null,
    });
  });

  it("treats a metric target without a target value as a manual achievement", () => {
    expect(settleAchievement({ ...base, targetValue: null, currentValue: 1e6 }, now).status).toBe("in_progress");
  });
});

describe("achievementProgress", () => {
  it("is the capped share of a positive target", () => {
    expect(achievementProgress(100, 37)).toBe(0.37);
    expect(achievementProgress(100, 250)).toBe(1);
    expect(achievementProgress(100, -5)).toBe(0);
  });

  it("is null without a positive target", () => {
    expect(achievementProgress(null, 10)).toBeNull();
    expect(achievementProgress(0, 10)).toBeNull();
  });
});
