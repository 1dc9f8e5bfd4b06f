-- How a trend forecast was fitted and how much to trust it.
--
-- The Seer fits the submitted series (least squares, log-linear, polynomial, Holt-Winters or a
-- cyclical regression). The fitted model, the fit quality (R², residual spread), the trend's
-- slope and significance, the interval level and the series' shape are what the direction and
-- confidence were derived from; keeping them makes a prediction explainable and reproducible.

alter table public.trend_forecasts
  add column analysis jsonb not null default '{}'::jsonb
    check (jsonb_typeof(analysis) = 'object');

comment on column public.trend_forecasts.analysis is
  'Fitted model, fit quality, trend test, interval level and series summary the direction and confidence came from.';
