import { DomainInputError } from "../errors.ts";
import { requireInRange, requirePositive } from "../validate.ts";

// Lanczos approximation (g = 7, n = 9), accurate to ~15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation). */
export function logGamma(x: number): number {
  requirePositive("x", x);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized incomplete beta function I_x(a, b), by Lentz's continued fraction (Numerical Recipes §6.4). */
export function regularizedBeta(x: number, a: number, b: number): number {
  requireInRange("x", x, 0, 1);
  requirePositive("a", a);
  requirePositive("b", b);
  if (x === 0 || x === 1) return x;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast only below the mean; above it use the symmetry I_x(a, b) = 1 − I_{1−x}(b, a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const guard = (v: number) => (Math.abs(v) < tiny ? tiny : v);
  let c = 1;
  let d = 1 / guard(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) return h;
  }
  return h;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = studentTUpperTail(Math.abs(t), df);
  return t >= 0 ? 1 - tail : tail;
}

/** Two-sided p-value P(|T| ≥ |t|) for Student's t with `df` degrees of freedom. */
export function studentTTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * studentTUpperTail(Math.abs(t), df));
}

function studentTUpperTail(t: number, df: number): number {
  requirePositive("df", df);
  if (Number.isNaN(t)) throw new DomainInputError("t", "must be a number, got NaN");
  if (t === Number.POSITIVE_INFINITY) return 0;
  // P(T > t) = ½·I_{df/(df+t²)}(df/2, ½) for t ≥ 0.
  return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/** The t such that P(T ≤ t) = p, found by bisection on the tail probability (to ~1e-12 relative). */
export function studentTQuantile(p: number, df: number): number {
  requirePositive("df", df);
  if (!(p > 0 && p < 1)) throw new DomainInputError("p", `must be strictly between 0 and 1, got ${p}`);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  const tail = 1 - p;
  let lo = 0;
  let hi = 1;
  while (studentTUpperTail(hi, df) > tail) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (studentTUpperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Standard normal CDF Φ(z) = ½·(1 ± P(½, z²/2)), through the regularized incomplete gamma (~1e-15 accuracy). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new DomainInputError("z", "must be a number, got NaN");
  const half = 0.5 * regularizedGammaP(0.5, (z * z) / 2);
  return z >= 0 ? 0.5 + half : 0.5 - half;
}

/** The regularized lower incomplete gamma P(a, x): series below a + 1, Lentz continued fraction above (NR §6.2). */
export function regularizedGammaP(a: number, x: number): number {
  requirePositive("a", a);
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  const logFront = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let total = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(total) * 1e-16; n++) {
      term *= x / (a + n);
      total += term;
    }
    return total * Math.exp(logFront);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return 1 - Math.exp(logFront) * h;
}

// Acklam's rational approximation to the normal quantile (relative error < 1.15e-9).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** The z such that Φ(z) = p (Acklam's approximation). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new DomainInputError("p", `must be strictly between 0 and 1, got ${p}`);
  const horner = (coefs: readonly number[], x: number) => coefs.reduce((acc, c) => acc * x + c, 0);
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const z = horner(C, q) / (horner(D, q) * q + 1);
    return p < low ? z : -z;
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(A, r) * q) / (horner(B, r) * r + 1);
}
