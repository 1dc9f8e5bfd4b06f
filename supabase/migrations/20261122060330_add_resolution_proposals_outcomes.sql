-- How a resolution proposal treats each party.
--
-- The fairness score is Jain's index over the parties' satisfaction, so the proposal keeps each
-- party's satisfaction (and for resource conflicts its demand and share) and the fairness rule
-- the split was computed by.

alter table public.resolution_proposals
  add column allocation_rule text check (allocation_rule in ('weighted_max_min', 'proportional_to_priority')),
  add column party_outcomes jsonb not null default '[]'::jsonb check (jsonb_typeof(party_outcomes) = 'array');

comment on column public.resolution_proposals.allocation_rule is
  'The fairness rule a resource split was computed by; null for proposals that split no resource.';
comment on column public.resolution_proposals.party_outcomes is
  'Per party: satisfaction 0-1 and, for resource splits, demand, weight and allocated quantity.';
