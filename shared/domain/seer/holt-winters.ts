import { sum } from "../statistics/index.ts";

/** Smoothing parameters of additive Holt–Winters: level α, trend β, season γ, each in [0, 1]. */
export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
}

/** The smoothed state after the last observation plus the one-step-ahead errors that scored it. */
export interface HoltWintersRun {
  level: number;
  trend: number;
  /** Seasonal effect by phase t mod period. */
  seasonals: number[];
  fitted: number[];
  /** One-step-ahead errors for t = period…n − 1 (the first period seeds the model). */
  errors: number[];
  sse: number;
}

/**
 * Additive Holt–Winters in component form (Hyndman & Athanasopoulos, FPP3 §8.3), for t ≥ m:
 *   ŷ_t = ℓ + b + s_{t−m};  ℓ' = α(y_t − s_{t−m}) + (1 − α)(ℓ + b);  b' = β(ℓ' − ℓ) + (1 − β)b;
 *   s_t = γ(y_t − ℓ − b) + (1 − γ)s_{t−m}.
 * Seeding from the first two periods: b₀ = (mean of period 2 − mean of period 1)/m, and the first period's seasonals
 * are its values minus that trend line centred on period 1's mean, with the level placed at t = m − 1. Centring
 * the line (rather than taking y_t − mean) keeps the trend out of the seasonals, so a series that is exactly
 * trend + season is reproduced with zero error.
 */
export function runHoltWinters(y: readonly number[], m: number, p: HoltWintersParams): HoltWintersRun {
  const mean1 = sum(y.slice(0, m)) / m;
  const mean2 = sum(y.slice(m, 2 * m)) / m;
  let trend = (mean2 - mean1) / m;
  const centre = (m - 1) / 2;
  const seasonals = y.slice(0, m).map((v, i) => v - (mean1 + trend * (i - centre)));
  let level = mean1 + trend * centre;
  const fitted = y.slice(0, m);
  const errors: number[] = [];
  for (let t = m; t < y.length; t++) {
    const phase = t % m;
    const season = seasonals[phase]!;
    const forecast = level + trend + season;
    const actual = y[t]!;
    fitted.push(forecast);
    errors.push(actual - forecast);
    const nextLevel = p.alpha * (actual - season) + (1 - p.alpha) * (level + trend);
    seasonals[phase] = p.gamma * (actual - level - trend) + (1 - p.gamma) * season;
    trend = p.beta * (nextLevel - level) + (1 - p.beta) * trend;
    level = nextLevel;
  }
  return { level, trend, seasonals, fitted, errors, sse: sum(errors.map((e) => e * e)) };
}

/** Point forecast h ≥ 1 periods after the last observation (index n − 1): ℓ + h·b + s of the matching phase. */
export function holtWintersPoint(run: HoltWintersRun, n: number, m: number, h: number): number {
  return run.level + h * run.trend + run.seasonals[(n - 1 + h) % m]!;
}

/**
 * Forecast variance at horizon h as a multiple of the one-step variance σ² (FPP3 Table 9.8, ETS(A,A,A)):
 * 1 + Σ_{j=1}^{h−1} (α + αβ·j + γ·[j mod m = 0])², where αβ is the error-correction trend weight of component form.
 */
export function holtWintersVarianceFactor(p: HoltWintersParams, m: number, h: number): number {
  let total = 1;
  for (let j = 1; j < h; j++) total += (p.alpha + p.alpha * p.beta * j + (j % m === 0 ? p.gamma : 0)) ** 2;
  return total;
}

/**
 * Least-SSE parameters over the grid α, β, γ ∈ {0.1, 0.2, …, 0.9} with γ ≤ 1 − α (the usual admissibility
 * restriction), 405 candidates. A coarse grid is enough: SSE is flat near its minimum and the grid is deterministic
 * and cheap (405 passes over the series). Ties, up to rounding noise of 1e-12 of the series' sum of squares, keep the
 * first candidate in (α, β, γ) ascending order, so exact fits do not pick parameters by floating-point luck.
 */
export function fitHoltWintersGrid(
  y: readonly number[],
  m: number,
): { params: HoltWintersParams; run: HoltWintersRun } {
  let best: { params: HoltWintersParams; run: HoltWintersRun } | undefined;
  const m0 = sum(y) / y.length;
  const tolerance = 1e-12 * sum(y.map((v) => (v - m0) ** 2));
  for (let a = 1; a <= 9; a++) {
    for (let b = 1; b <= 9; b++) {
      for (let g = 1; g <= 10 - a && g <= 9; g++) {
        const params = { alpha: a / 10, beta: b / 10, gamma: g / 10 };
        const run = runHoltWinters(y, m, params);
        if (!best || run.sse < best.run.sse - tolerance) best = { params, run };
      }
    }
  }
  return best!;
}
