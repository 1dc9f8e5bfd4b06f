import { DomainInputError } from "../errors.ts";
import { sum } from "./descriptive.ts";

/** A linear least-squares fit y ≈ X·β solved by Householder QR, with what prediction intervals need. */
export interface LeastSquaresFit {
  coefficients: number[];
  fitted: number[];
  residuals: number[];
  sse: number;
  degreesOfFreedom: number;
  /** s = √(SSE / (n − p)); 0 when n = p. */
  residualStdError: number;
  /** gᵀ(XᵀX)⁻¹g: the variance factor of a linear combination gᵀβ (a new design row, or a contrast). */
  varianceFactor(g: readonly number[]): number;
}

/**
 * Solves min ‖Xβ − y‖² by Householder QR on the column-scaled design, never forming XᵀX: the normal equations square
 * the condition number, which ruins polynomial fits on raw time indices. Each column is scaled to unit norm first
 * (equilibration), which tames Vandermonde columns of very different sizes. Throws when columns are dependent.
 */
export function fitLeastSquares(design: readonly (readonly number[])[], y: readonly number[]): LeastSquaresFit {
  const n = design.length;
  const p = design[0]?.length ?? 0;
  if (n !== y.length) throw new DomainInputError("y", `must have one value per design row (${n}), got ${y.length}`);
  if (p === 0 || n < p) throw new DomainInputError("design", `needs at least as many rows as columns (${p}), got ${n}`);
  const scale = Array.from({ length: p }, (_, j) => Math.sqrt(sum(design.map((row) => row[j]! ** 2))) || 1);
  const a = design.map((row) => row.map((v, j) => v / scale[j]!));
  const qty = [...y];
  for (let k = 0; k < p; k++) reflect(a, qty, k);
  const largest = Math.max(...Array.from({ length: p }, (_, k) => Math.abs(a[k]![k]!)));
  for (let k = 0; k < p; k++) {
    if (Math.abs(a[k]![k]!) <= 1e-12 * largest) {
      throw new DomainInputError("design", `column ${k} is a linear combination of the others; the fit is not unique`);
    }
  }
  const scaled = backSubstitute(a, qty.slice(0, p));
  const coefficients = scaled.map((c, j) => c / scale[j]!);
  const fitted = design.map((row) => sum(row.map((v, j) => v * coefficients[j]!)));
  const residuals = y.map((v, i) => v - fitted[i]!);
  const sse = sum(residuals.map((r) => r * r));
  const dof = n - p;
  return {
    coefficients,
    fitted,
    residuals,
    sse,
    degreesOfFreedom: dof,
    residualStdError: dof > 0 ? Math.sqrt(sse / dof) : 0,
    // With X = Q·R·D (D the column scales), gᵀ(XᵀX)⁻¹g = ‖R⁻ᵀ·D⁻¹·g‖²: one forward substitution.
    varianceFactor(g) {
      if (g.length !== p) throw new DomainInputError("g", `must have ${p} entries, got ${g.length}`);
      const z: number[] = [];
      for (let i = 0; i < p; i++) {
        let acc = g[i]! / scale[i]!;
        for (let k = 0; k < i; k++) acc -= a[k]![i]! * z[k]!;
        z.push(acc / a[i]![i]!);
      }
      return sum(z.map((v) => v * v));
    },
  };
}

// Applies the Householder reflection that zeroes column k below the diagonal to `a` (in place) and to `b`.
function reflect(a: number[][], b: number[], k: number): void {
  const n = a.length;
  const p = a[0]!.length;
  let norm = 0;
  for (let i = k; i < n; i++) norm += a[i]![k]! ** 2;
  norm = Math.sqrt(norm);
  if (norm === 0) return;
  // Choose the sign that avoids cancellation in v₀ = x₀ − α.
  const alpha = a[k]![k]! > 0 ? -norm : norm;
  const v: number[] = [];
  for (let i = k; i < n; i++) v.push(a[i]![k]!);
  v[0]! -= alpha;
  const vv = sum(v.map((x) => x * x));
  if (vv === 0) return;
  for (let j = k; j < p; j++) {
    let dot = 0;
    for (let i = k; i < n; i++) dot += v[i - k]! * a[i]![j]!;
    const f = (2 * dot) / vv;
    for (let i = k; i < n; i++) a[i]![j]! -= f * v[i - k]!;
  }
  let dot = 0;
  for (let i = k; i < n; i++) dot += v[i - k]! * b[i]!;
  const f = (2 * dot) / vv;
  for (let i = k; i < n; i++) b[i]! -= f * v[i - k]!;
}

function backSubstitute(r: readonly (readonly number[])[], rhs: readonly number[]): number[] {
  const p = rhs.length;
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let acc = rhs[i]!;
    for (let j = i + 1; j < p; j++) acc -= r[i]![j]! * x[j]!;
    x[i] = acc / r[i]![i]!;
  }
  return x;
}
