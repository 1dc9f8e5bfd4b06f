import { describe, expect, it } from "vitest";
import { matchesFilter } from "../../../local-stack/vector/filter-eval.ts";
import { parseFilter } from "../../../local-stack/vector/filter-parser.ts";
import { buildFilter, quoteFilterValue } from "../../../shared/knowledge/filter.ts";
import { canonicalText, contentHash } from "../../../shared/knowledge/hashing.ts";
import type { Category } from "../../../shared/knowledge/vocabulary.ts";

const MINE = "0b000000-0000-4000-8000-0000000000aa";
const THEIRS = "0b000000-0000-4000-8000-0000000000bb";

describe("contentHash", () => {
  it("happy: re-wrapped, re-indented or re-encoded text hashes the same", async () => {
    const a = await contentHash("Question headlines won on CTR.\nBenefit-first won on conversion.");
    const b = await contentHash("  Question headlines   won on CTR.\r\n\tBenefit-first won on conversion.  ");
    const c = await contentHash("Question headlines won on CTR. Benefit-first won on conversion.");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(await contentHash("Cafe\u0301")).toBe(await contentHash("Café"));
  });

  it("happy: different words hash differently; case is content", async () => {
    expect(await contentHash("budget up")).not.toBe(await contentHash("budget down"));
    expect(await contentHash("Acme")).not.toBe(await contentHash("acme"));
    expect(canonicalText(" a \n\n b ")).toBe("a b");
  });
});

/** Whether the filter `buildFilter` wrote, parsed by the Vector stand-in, admits this metadata. */
function admits(filter: string, metadata: Record<string, string>): boolean {
  return matchesFilter(parseFilter(filter), metadata);
}

describe("buildFilter", () => {
  it("happy: the workspace condition comes first and the rest is parenthesised", () => {
    expect(buildFilter({ workspaceId: MINE })).toBe(`workspace_id = '${MINE}'`);
    expect(
      buildFilter({
        workspaceId: MINE,
        categories: ["market_analysis", "best_practices"],
        templates: ["best_practices"],
      }),
    ).toBe(
      `workspace_id = '${MINE}' AND (category IN ('market_analysis', 'best_practices') AND template = 'best_practices')`,
    );
  });

  it("happy: quoting escapes backslashes first, then quotes", () => {
    expect(quoteFilterValue("it's")).toBe("'it\\'s'");
    expect(quoteFilterValue("a\\'b")).toBe("'a\\\\\\'b'");
    expect(quoteFilterValue("\\")).toBe("'\\\\'");
  });

  it("security: crafted values stay literals and never widen the search to another workspace", () => {
    const attacks = [
      `x' OR workspace_id = '${THEIRS}`,
      `x') OR (workspace_id != '`,
      `x\\' OR 1 = 1 OR category = '`,
      `x\\\\' OR workspace_id GLOB '*`,
      "x' OR HAS FIELD workspace_id OR '",
    ];
    for (const attack of attacks) {
      const filter = buildFilter({
        workspaceId: MINE,
        categories: [attack as Category],
        documentId: attack,
        agentCode: attack,
      });
      // The stand-in parses it as one comparison per field: nothing after the quote is syntax.
      expect(() => parseFilter(filter)).not.toThrow();
      expect(admits(filter, { workspace_id: THEIRS, category: attack, document_id: attack, agent_code: attack })).toBe(
        false,
      );
      expect(admits(filter, { workspace_id: MINE, category: "market_analysis" })).toBe(false);
      // The value itself is still matched exactly, inside the caller's workspace.
      expect(admits(filter, { workspace_id: MINE, category: attack, document_id: attack, agent_code: attack })).toBe(
        true,
      );
    }
  });

  it("error: a workspace id that is not a UUID is refused before any filter is written", () => {
    expect(() => buildFilter({ workspaceId: `${MINE}' OR '1' = '1` })).toThrow();
    expect(() => buildFilter({ workspaceId: "" })).toThrow();
  });
});
