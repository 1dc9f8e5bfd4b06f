import { DomainInputError } from "../errors.ts";

/** A colour in CIE L*a*b* (D65 white). */
export interface Lab {
  l: number;
  a: number;
  b: number;
}

/** Parses "#rgb" or "#rrggbb" (case-insensitive, "#" optional) into 0–255 channels. */
export function parseHex(field: string, hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(typeof hex === "string" ? hex.trim() : "");
  if (!m) throw new DomainInputError(field, `must be a hex colour like #1a2b3c, got ${String(hex)}`);
  const digits = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join("") : m[1]!;
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/**
 * sRGB hex → CIE L*a*b*: undo the sRGB transfer curve (IEC 61966-2-1), convert linear RGB to XYZ with the sRGB
 * D65 matrix, then to Lab against the D65 reference white (0.95047, 1, 1.08883).
 */
export function hexToLab(field: string, hex: string): Lab {
  const [r, g, b] = parseHex(field, hex).map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const [fx, fy, fz] = [f(x), f(y), f(z)];
  return { l: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

/** CIE76 colour difference ΔE*ab: Euclidean distance in Lab. About 2.3 is just noticeable side by side. */
export function deltaE76(a: Lab, b: Lab): number {
  return Math.hypot(a.l - b.l, a.a - b.a, a.b - b.b);
}
