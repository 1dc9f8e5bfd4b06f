/**
 * The RaptorBus catalogue: the spec's 9 channels and every event type the system emits.
 * Each event type belongs to exactly one channel, so publishers never choose a channel by hand.
 */
export const CHANNELS = [
  "guild_broadcast",
  "guild_research",
  "guild_muse",
  "guild_execution",
  "guild_data",
  "guild_intellect",
  "guild_heart",
  "conflicts_channel",
  "intelligence_channel",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const LORDS = ["architect", "cognition", "strategos", "aesthete", "seer", "arbiter", "herald"] as const;
export type LordName = (typeof LORDS)[number];

/** Event type → channel. Names are `domain.verb` in lower case. */
export const EVENT_TYPES = {
  // Architect
  "initiative.created": "guild_broadcast",
  "initiative.proposed": "guild_broadcast",
  "initiative.approved": "guild_broadcast",
  "initiative.status_changed": "guild_broadcast",
  "architecture.analyzed": "guild_data",
  "architecture.optimized": "guild_data",
  "strategy.reviewed": "guild_broadcast",
  "strategy.updated": "guild_broadcast",
  "guidance.provided": "guild_broadcast",
  "request.routed": "guild_broadcast",
  // Cognition
  "learning.recorded": "guild_intellect",
  "learning.synthesized": "guild_intellect",
  "decision.made": "guild_intellect",
  "decision.challenged": "guild_intellect",
  "mentoring.provided": "guild_intellect",
  // Strategos
  "plan.created": "guild_execution",
  "task.assigned": "guild_execution",
  "task.progressed": "guild_execution",
  "resource.allocated": "guild_execution",
  "timeline.optimized": "guild_execution",
  // Aesthete
  "quality.assessed": "guild_muse",
  "compliance.checked": "guild_muse",
  "consistency.evaluated": "guild_muse",
  "feedback.provided": "guild_muse",
  "content.approved": "guild_muse",
  "content.rejected": "guild_muse",
  // Seer
  "trend.predicted": "intelligence_channel",
  "trend.updated": "intelligence_channel",
  "intelligence.gathered": "intelligence_channel",
  "performance.analyzed": "intelligence_channel",
  "recommendation.generated": "intelligence_channel",
  "forecast.generated": "intelligence_channel",
  // Arbiter
  "conflict.registered": "conflicts_channel",
  "conflict.analyzed": "conflicts_channel",
  "resolution.proposed": "conflicts_channel",
  "conflict.resolved": "conflicts_channel",
  "appeal.handled": "conflicts_channel",
  "fairness.reported": "conflicts_channel",
  // Herald
  "notification.sent": "guild_heart",
  "notification.delivered": "guild_heart",
  "notification.failed": "guild_heart",
  "broadcast.sent": "guild_broadcast",
  "subscription.changed": "guild_heart",
  "template.created": "guild_heart",
  "template.updated": "guild_heart",
  "template.deleted": "guild_heart",
  // Agents (guild runtime)
  "agent.queued": "guild_research",
  "agent.started": "guild_research",
  "agent.completed": "guild_research",
  "agent.failed": "guild_research",
  "agent.model_switched": "guild_research",
  "agent.dead_lettered": "guild_research",
  "budget.threshold_reached": "guild_broadcast",
  "budget.exhausted": "guild_broadcast",
  // Marketing core (REST API)
  "campaign.created": "guild_broadcast",
  "campaign.updated": "guild_broadcast",
  "campaign.status_changed": "guild_broadcast",
  "campaign.archived": "guild_broadcast",
  "move.created": "guild_execution",
  "move.updated": "guild_execution",
  "move.deleted": "guild_execution",
  "achievement.created": "guild_heart",
  "achievement.updated": "guild_heart",
  "achievement.deleted": "guild_heart",
  "quest.created": "guild_heart",
  "quest.updated": "guild_heart",
  "quest.deleted": "guild_heart",
  "alert.created": "guild_broadcast",
  "alert.acknowledged": "guild_broadcast",
  "alert.resolved": "guild_broadcast",
  "intelligence.created": "intelligence_channel",
  "intelligence.updated": "intelligence_channel",
  "intelligence.deleted": "intelligence_channel",
  "competitor.created": "intelligence_channel",
  "competitor.updated": "intelligence_channel",
  "competitor.deleted": "intelligence_channel",
  "insight.created": "intelligence_channel",
  "insight.updated": "intelligence_channel",
  "insight.deleted": "intelligence_channel",
  "member.invited": "guild_broadcast",
  "member.role_changed": "guild_broadcast",
  "member.removed": "guild_broadcast",
  "workspace.created": "guild_broadcast",
  "workspace.updated": "guild_broadcast",
  "api_key.created": "guild_broadcast",
  "api_key.revoked": "guild_broadcast",
  "budget.updated": "guild_broadcast",
  "dead_letter.retried": "guild_research",
  // Onboarding, content and plans
  "onboarding.started": "guild_research",
  "onboarding.step_completed": "guild_research",
  "onboarding.completed": "guild_research",
  "onboarding.failed": "guild_research",
  "war_brief.generated": "guild_broadcast",
  "content.created": "guild_muse",
  "content.updated": "guild_muse",
  "plan.updated": "guild_execution",
  "task.completed": "guild_execution",
  "appeal.filed": "conflicts_channel",
  // Knowledge and cache
  "knowledge.ingested": "guild_intellect",
  "knowledge.deleted": "guild_intellect",
  "knowledge.batch_progress": "guild_intellect",
  "cache.invalidated": "guild_data",
} as const satisfies Record<string, Channel>;

export type EventType = keyof typeof EVENT_TYPES;

/** The channel an event type is published on. */
export function channelOf(type: EventType): Channel {
  return EVENT_TYPES[type];
}

/** True when `value` names a catalogued event type. */
export function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && Object.hasOwn(EVENT_TYPES, value);
}
