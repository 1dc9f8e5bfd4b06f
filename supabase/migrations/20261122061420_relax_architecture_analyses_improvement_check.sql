-- Expected improvement of an optimisation plan.
--
-- Latency and error-rate gains are reductions (at most 100%), but a throughput gain is added
-- capacity: scaling from 2 to 6 instances is +200%, and far more for a heavily overloaded
-- component. The column keeps the plan's best estimated gain (rounded to two decimals by the
-- Architect), so it has no upper bound; it still cannot be negative.

alter table public.architecture_analyses
  drop constraint architecture_analyses_expected_improvement_percent_check;

alter table public.architecture_analyses
  alter column expected_improvement_percent type numeric;

alter table public.architecture_analyses
  add constraint architecture_analyses_expected_improvement_percent_check
    check (expected_improvement_percent >= 0);

comment on column public.architecture_analyses.expected_improvement_percent is
  'Best estimated gain of the plan in percent: a reduction for latency and errors, added capacity for throughput (may exceed 100).';
