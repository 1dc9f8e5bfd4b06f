export {
  ACHIEVEMENT_STATUSES,
  ACHIEVEMENT_TYPES,
  type AchievementState,
  type AchievementStatus,
  type AchievementType,
  achievementProgress,
  type SettledAchievement,
  settleAchievement,
} from "./achievements.ts";
export { type CompletionState, completionStamp } from "./completion.ts";
export { type QuestProgress, questProgress, type SuccessMetric } from "./quests.ts";
export {
  assertCampaignTransition,
  CAMPAIGN_LIFECYCLE_STATUSES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_TRANSITIONS,
  type CampaignLifecycleStatus,
  type CampaignStatus,
  canTransitionCampaign,
  isCampaignStatus,
  isCampaignWritable,
  nextCampaignStatuses,
} from "./status.ts";
