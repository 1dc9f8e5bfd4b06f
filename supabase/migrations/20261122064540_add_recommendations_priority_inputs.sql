-- The inputs a recommendation's priority was computed from.
--
-- The Seer ranks recommendations by value = impact × success probability ÷ effort, with impact and
-- effort on 1-10 scales. expected_impact (0-100) and implementation_effort (low/medium/high) keep
-- the coarse view; these columns keep the exact inputs and the value, so a priority can be
-- reproduced and explained.

alter table public.recommendations
  add column impact_points numeric(4,2) check (impact_points between 1 and 10),
  add column effort_points numeric(4,2) check (effort_points between 1 and 10),
  add column priority_value numeric(8,4) check (priority_value >= 0);

comment on column public.recommendations.impact_points is 'Expected impact on a 1-10 scale, an input of the priority.';
comment on column public.recommendations.effort_points is 'Implementation effort on a 1-10 scale, an input of the priority.';
comment on column public.recommendations.priority_value is 'impact_points × success_probability ÷ effort_points: expected impact per point of effort.';
