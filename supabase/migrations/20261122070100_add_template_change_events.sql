-- Template changes on the RaptorBus: the Herald's template CRUD records updates and deletions
-- as events, like every other change, so the event_type check admits the two new types. The
-- list is the whole catalogue (shared/events/catalogue.ts), as the check has always been.

alter table public.events drop constraint events_event_type_check;

alter table public.events add constraint events_event_type_check check (event_type in (
    'initiative.created', 'initiative.proposed', 'initiative.approved', 'initiative.status_changed',
    'architecture.analyzed', 'architecture.optimized', 'strategy.reviewed', 'strategy.updated',
    'guidance.provided', 'request.routed', 'learning.recorded', 'learning.synthesized',
    'decision.made', 'decision.challenged', 'mentoring.provided', 'plan.created', 'task.assigned',
    'task.progressed', 'resource.allocated', 'timeline.optimized', 'quality.assessed',
    'compliance.checked', 'consistency.evaluated', 'feedback.provided', 'content.approved',
    'content.rejected', 'trend.predicted', 'trend.updated', 'intelligence.gathered',
    'performance.analyzed', 'recommendation.generated', 'forecast.generated', 'conflict.registered',
    'conflict.analyzed', 'resolution.proposed', 'conflict.resolved', 'appeal.handled',
    'fairness.reported', 'notification.sent', 'notification.delivered', 'notification.failed',
    'broadcast.sent', 'subscription.changed', 'template.created', 'template.updated',
    'template.deleted', 'agent.queued', 'agent.started', 'agent.completed', 'agent.failed',
    'agent.model_switched', 'agent.dead_lettered', 'budget.threshold_reached', 'budget.exhausted',
    'campaign.created', 'campaign.updated', 'campaign.status_changed', 'campaign.archived',
    'move.created', 'move.updated', 'move.deleted', 'achievement.created', 'achievement.updated',
    'achievement.deleted', 'quest.created', 'quest.updated', 'quest.deleted', 'alert.created',
    'alert.acknowledged', 'alert.resolved', 'intelligence.created', 'intelligence.updated',
    'intelligence.deleted', 'competitor.created', 'competitor.updated', 'competitor.deleted',
    'insight.created', 'insight.updated', 'insight.deleted', 'member.invited',
    'member.role_changed', 'member.removed', 'workspace.created', 'workspace.updated',
    'api_key.created', 'api_key.revoked', 'budget.updated', 'dead_letter.retried',
    'onboarding.started', 'onboarding.step_completed', 'onboarding.completed', 'onboarding.failed',
    'war_brief.generated', 'content.created', 'content.updated', 'plan.updated', 'task.completed',
    'appeal.filed', 'knowledge.ingested', 'knowledge.deleted', 'knowledge.batch_progress',
    'cache.invalidated'
));
