import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { dependenciesAffectedBy } from "../../../shared/knowledge/after-change.ts";
import { chunkDocument } from "../../../shared/knowledge/chunking.ts";
import { codexDocuments } from "../../../shared/knowledge/codex/documents.ts";
import { KnowledgeInput } from "../../../shared/knowledge/input.ts";
import { renderDocument } from "../../../shared/knowledge/render.ts";
import { CATEGORIES, COLLECTIONS, TEMPLATES } from "../../../shared/knowledge/vocabulary.ts";
import { DOCUMENTS } from "./fixtures.ts";

describe("vocabulary", () => {
  it("happy: five collections, five templates and ten categories, as the spec fixes them", () => {
    expect(COLLECTIONS).toHaveLength(5);
    expect(TEMPLATES).toEqual([
      "campaign_performance",
      "brand_guidelines",
      "market_intelligence",
      "best_practices",
      "organizational_knowledge",
    ]);
    expect(CATEGORIES).toHaveLength(10);
  });
});

describe("templates", () => {
  it("happy: each template validates and renders its fields as Markdown sections", () => {
    for (const template of TEMPLATES) {
      const input = v.parse(KnowledgeInput, {
        title: `A ${template}`,
        category: "best_practices",
        document: DOCUMENTS[template],
      });
      const markdown = renderDocument(input.title, input.document);
      expect(markdown.startsWith(`# A ${template}\n\n## `)).toBe(true);
      expect(chunkDocument(markdown).length).toBeGreaterThan(0);
    }
    const brand = v.parse(KnowledgeInput, {
      title: "Brand",
      category: "design_branding",
      document: DOCUMENTS.brand_guidelines,
    });
    expect(renderDocument(brand.title, brand.document)).toContain("## Don't\n\n- No celebrity endorsements");
  });

  it("error: a field of another template, a missing field or an unknown template is refused", () => {
    const wrongField = { ...DOCUMENTS.best_practices, voice: "warm" };
    const missing = { template: "campaign_performance", campaign: "x" };
    const unknown = { template: "press_release", body: "x" };
    for (const document of [wrongField, missing, unknown]) {
      expect(v.safeParse(KnowledgeInput, { title: "t", category: "best_practices", document }).success).toBe(false);
    }
    expect(
      v.safeParse(KnowledgeInput, { title: "t", category: "gossip", document: DOCUMENTS.best_practices }).success,
    ).toBe(false);
  });
});

describe("dependenciesAffectedBy", () => {
  it("happy: brand guidelines, competitor intel and preferences each name what they make stale", () => {
    expect(
      dependenciesAffectedBy({
        collection: "user_preferences",
        template: "brand_guidelines",
        category: "design_branding",
      }),
    ).toEqual(["brand_guidelines", "user_preferences"]);
    expect(
      dependenciesAffectedBy({
        collection: "competitor_intel",
        template: "market_intelligence",
        category: "market_analysis",
      }),
    ).toEqual(["competitor_intel"]);
    expect(
      dependenciesAffectedBy({
        collection: "industry_research",
        template: "market_intelligence",
        category: "competitive_intelligence",
      }),
    ).toEqual(["competitor_intel"]);
    expect(
      dependenciesAffectedBy({ collection: "campaign_briefs", template: "best_practices", category: "best_practices" }),
    ).toEqual([]);
  });
});

describe("codexDocuments", () => {
  it("happy: one document per Lord, guild and guild agent, plus the knowledge base, all valid", () => {
    const documents = codexDocuments();
    expect(documents).toHaveLength(7 + 4 + 80 + 1);
    expect(new Set(documents.map((doc) => doc.title)).size).toBe(documents.length);
    for (const doc of documents) {
      expect(doc.collection).toBe("codex_knowledge");
      expect(doc.source).toBe("codex");
    }
    const arbiter = documents.find((doc) => doc.title === "LORD-006 The Arbiter")!;
    expect(renderDocument(arbiter.title, arbiter.document)).toContain(
      "handle_appeal: Handle appeals within the 14-day window.",
    );
  });
});
