import { describe, expect, it } from "vitest";
import {
  contentTokens,
  foldPlural,
  jaccard,
  sentenceSpans,
  tokenize,
  wordSpans,
} from "../../../../shared/domain/text/index.ts";

describe("tokens", () => {
  it("tokenizes words, keeping inner apostrophes", () => {
    expect(tokenize("Don't stop: the brand's 2 campaigns!")).toEqual([
      "don't",
      "stop",
      "the",
      "brand's",
      "2",
      "campaigns",
    ]);
  });

  it("folds plurals lightly and keeps -ss/-us/-is words whole", () => {
    expect(["campaigns", "strategies", "classes", "status", "analysis", "brand's", "ads"].map(foldPlural)).toEqual([
      "campaign",
      "strategy",
      "class",
      "status",
      "analysis",
      "brand",
      "ads",
    ]);
  });

  it("drops stopwords and measures Jaccard similarity", () => {
    const a = contentTokens("The email campaigns for our customers");
    expect([...a]).toEqual(["email", "campaign", "customer"]);
    // {email, campaign, customer} vs {email, campaign, launch}: 2 shared of 4 distinct → 0.5.
    expect(jaccard(a, contentTokens("email campaign launch"))).toBe(0.5);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe("spans", () => {
  it("finds words and sentences with positions", () => {
    const text = "Hi there. Version 2.5 is out!\nNew headline";
    expect(wordSpans(text).slice(0, 2)).toEqual([
      { start: 0, end: 2, text: "Hi" },
      { start: 3, end: 8, text: "there" },
    ]);
    // "2.5" is not a sentence end (no space after the point); the line break is.
    expect(sentenceSpans(text)).toEqual([
      { start: 0, end: 9, text: "Hi there." },
      { start: 10, end: 29, text: "Version 2.5 is out!" },
      { start: 30, end: 42, text: "New headline" },
    ]);
  });
});
