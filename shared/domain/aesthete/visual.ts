import { DomainInputError } from "../errors.ts";
import { requirePositive } from "../validate.ts";
import { deltaE76, hexToLab } from "./color.ts";

/** Layout attributes compared against the guidelines. */
export interface LayoutAttributes {
  gridColumns?: number;
  /** Spacing values in px; each must be a multiple of the guideline's spacingUnit. */
  spacing?: number[];
  cornerRadius?: number;
  logoPlacement?: string;
}

/** A visual asset's palette, typography and layout. */
export interface VisualAsset {
  id: string;
  colors: string[];
  fonts: string[];
  layout?: LayoutAttributes;
}

/** Visual brand guidelines. */
export interface VisualGuidelines {
  palette: string[];
  fonts: string[];
  /** Largest CIE76 ΔE to the nearest palette colour still counted on-brand (default 5). */
  maxDeltaE?: number;
  layout?: Omit<LayoutAttributes, "spacing"> & { spacingUnit?: number };
}

/** One failed check. */
export interface ConsistencyIssue {
  assetId: string;
  attribute: string;
  actual: string;
  expected: string;
  message: string;
  deltaE?: number;
}

/** Share of checks passed, the failures, and a recommendation per failure. */
export interface ConsistencyReport {
  consistencyPercent: number;
  checks: number;
  passed: number;
  issues: ConsistencyIssue[];
  recommendations: string[];
}

/**
 * Default colour tolerance ΔE 5: about two just-noticeable differences, the usual "commercial match" in brand
 * colour control; compression and colour-profile drift stay within it, a different shade does not.
 */
export const DEFAULT_MAX_DELTA_E = 5;

/**
 * One check per asset colour (ΔE76 to the nearest palette colour within tolerance), per font (in the approved list,
 * case-insensitive) and per layout attribute the guidelines define and the asset declares (equal; spacing values a
 * multiple of the unit). consistencyPercent = passed ÷ checks × 100 (100 when nothing is checkable).
 */
export function visualConsistency(assets: readonly VisualAsset[], guidelines: VisualGuidelines): ConsistencyReport {
  if (guidelines.palette.length === 0) throw new DomainInputError("guidelines.palette", "needs at least one colour");
  const tolerance = requirePositive("guidelines.maxDeltaE", guidelines.maxDeltaE ?? DEFAULT_MAX_DELTA_E);
  const palette = guidelines.palette.map((hex, i) => ({ hex, lab: hexToLab(`guidelines.palette[${i}]`, hex) }));
  const fonts = new Set(guidelines.fonts.map((f) => f.trim().toLowerCase()));
  const issues: ConsistencyIssue[] = [];
  const recommendations: string[] = [];
  let checks = 0;
  assets.forEach((asset, ai) => {
    asset.colors.forEach((hex, ci) => {
      checks++;
      const lab = hexToLab(`assets[${ai}].colors[${ci}]`, hex);
      const nearest = palette
        .map((p) => ({ ...p, deltaE: deltaE76(lab, p.lab) }))
        .reduce((best, p) => (p.deltaE < best.deltaE ? p : best));
      if (nearest.deltaE > tolerance) {
        const d = nearest.deltaE.toFixed(1);
        issues.push({
          assetId: asset.id,
          attribute: "color",
          actual: hex,
          expected: nearest.hex,
          deltaE: nearest.deltaE,
          message: `${hex} is ΔE ${d} from the nearest palette colour ${nearest.hex} (tolerance ${tolerance})`,
        });
        recommendations.push(`${asset.id}: replace ${hex} with palette colour ${nearest.hex}`);
      }
    });
    for (const font of asset.fonts) {
      checks++;
      if (!fonts.has(font.trim().toLowerCase())) {
        issues.push({
          assetId: asset.id,
          attribute: "font",
          actual: font,
          expected: guidelines.fonts.join(", "),
          message: `font "${font}" is not an approved typeface`,
        });
        recommendations.push(`${asset.id}: set "${font}" in ${guidelines.fonts[0] ?? "an approved typeface"}`);
      }
    }
    checks += layoutChecks(asset, guidelines.layout ?? {}, issues, recommendations);
  });
  const passed = checks - issues.length;
  return {
    consistencyPercent: checks === 0 ? 100 : (100 * passed) / checks,
    checks,
    passed,
    issues,
    recommendations,
  };
}

function layoutChecks(
  asset: VisualAsset,
  rules: NonNullable<VisualGuidelines["layout"]>,
  issues: ConsistencyIssue[],
  recommendations: string[],
): number {
  const layout = asset.layout ?? {};
  let checks = 0;
  const fail = (attribute: string, actual: unknown, expected: unknown, message: string) => {
    issues.push({ assetId: asset.id, attribute, actual: String(actual), expected: String(expected), message });
    recommendations.push(`${asset.id}: change ${attribute} to ${String(expected)}`);
  };
  for (const key of ["gridColumns", "cornerRadius", "logoPlacement"] as const) {
    if (rules[key] === undefined || layout[key] === undefined) continue;
    checks++;
    if (layout[key] !== rules[key])
      fail(`layout.${key}`, layout[key], rules[key], `${key} is ${layout[key]}, guideline ${rules[key]}`);
  }
  if (rules.spacingUnit !== undefined && layout.spacing) {
    const unit = requirePositive("guidelines.layout.spacingUnit", rules.spacingUnit);
    for (const value of layout.spacing) {
      checks++;
      const ratio = value / unit;
      if (Math.abs(ratio - Math.round(ratio)) > 1e-9) {
        const expected = Math.max(unit, Math.round(ratio) * unit);
        fail("layout.spacing", value, expected, `spacing ${value} is not a multiple of the ${unit}px unit`);
      }
    }
  }
  return checks;
}
