import { describe, expect, it } from "vitest";
import { deltaE76, hexToLab, visualConsistency } from "../../../../shared/domain/aesthete/index.ts";

describe("colour difference", () => {
  it("converts sRGB to Lab like the reference tables", () => {
    // Bruce Lindbloom's calculator (sRGB, D65): #FF0000 → L 53.2408, a 80.0925, b 67.2032.
    const red = hexToLab("c", "#ff0000");
    expect(red.l).toBeCloseTo(53.2408, 4);
    expect(red.a).toBeCloseTo(80.0925, 4);
    expect(red.b).toBeCloseTo(67.2032, 4);
    expect(hexToLab("c", "#fff").l).toBeCloseTo(100, 5);
  });

  it("measures CIE76 ΔE", () => {
    // Black (0,0,0) to white (100,0,0): ΔE = 100. Red to #FF0505: √(0.1294² + 0.3083² + 1.1979²) = 1.2437.
    expect(deltaE76(hexToLab("a", "#000000"), hexToLab("b", "#FFFFFF"))).toBeCloseTo(100, 4);
    expect(deltaE76(hexToLab("a", "#FF0000"), hexToLab("b", "#FF0505"))).toBeCloseTo(1.2437, 4);
  });

  it("rejects malformed hex", () => {
    expect(() => hexToLab("palette[0]", "red")).toThrow("palette[0]: must be a hex colour like #1a2b3c, got red");
  });
});

describe("visualConsistency", () => {
  it("checks palette, typography and layout per asset", () => {
    // Colours: #FF0505 is ΔE 1.24 from red (pass); #E8731A is ΔE 40.4 from red, 131.8 from blue (fail).
    // Fonts: "inter" passes case-insensitively, "Comic Sans MS" fails. Layout: 12 columns pass, radius 4 ≠ 8 fails,
    // spacing 8 and 16 pass, 12 fails. 9 checks, 4 failures → 5/9 = 55.6%.
    const r = visualConsistency(
      [
        {
          id: "banner",
          colors: ["#FF0505", "#E8731A"],
          fonts: ["inter", "Comic Sans MS"],
          layout: { gridColumns: 12, cornerRadius: 4, spacing: [8, 12, 16] },
        },
      ],
      {
        palette: ["#FF0000", "#1A73E8"],
        fonts: ["Inter"],
        layout: { gridColumns: 12, cornerRadius: 8, spacingUnit: 8 },
      },
    );
    expect(r.checks).toBe(9);
    expect(r.passed).toBe(5);
    expect(r.consistencyPercent).toBeCloseTo(500 / 9, 10);
    expect(r.issues.map((i) => i.attribute)).toEqual(["color", "font", "layout.cornerRadius", "layout.spacing"]);
    expect(r.issues[0]!.expected).toBe("#FF0000");
    expect(r.issues[0]!.deltaE).toBeCloseTo(40.449, 3);
    expect(r.recommendations).toContain("banner: replace #E8731A with palette colour #FF0000");
  });

  it("is fully consistent when nothing is checkable, and needs a palette", () => {
    expect(visualConsistency([], { palette: ["#000"], fonts: [] }).consistencyPercent).toBe(100);
    expect(() => visualConsistency([], { palette: [], fonts: [] })).toThrow(
      "guidelines.palette: needs at least one colour",
    );
  });
});
