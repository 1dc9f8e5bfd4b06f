import { describe, expect, it } from "vitest";
import { BREADCRUMB_SEPARATOR, type Chunk, chunkDocument, normalizeText } from "../../../shared/knowledge/chunking.ts";

const OPTIONS = { maxChars: 200, overlapChars: 40, minChars: 60 };

/** A chunk's body: its text without the breadcrumb line. */
function bodyOf(chunk: Chunk): string {
  for (const crumbs of [chunk.headings, chunk.headings.slice(0, -1)]) {
    const line = crumbs.join(BREADCRUMB_SEPARATOR);
    if (line !== "" && chunk.text.startsWith(`${line}\n\n`)) return chunk.text.slice(line.length + 2);
  }
  return chunk.text;
}

/** True when no string splits a surrogate pair at either end. */
function wellFormed(text: string): boolean {
  return !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(text) && text.isWellFormed();
}

const sentence = (i: number) => `Sentence number ${i} talks about campaign budgets and channel mix. `;

describe("chunkDocument", () => {
  it("edge: empty and whitespace-only text yield no chunks", () => {
    expect(chunkDocument("")).toEqual([]);
    expect(chunkDocument(" \n\t\r\n  ")).toEqual([]);
    expect(chunkDocument("\u0000\u0007")).toEqual([]);
  });

  it("happy: a short document is one chunk with its heading", () => {
    const chunks = chunkDocument("# Spring launch\n\nQuestion headlines won on CTR.", OPTIONS);
    expect(chunks).toEqual([
      { index: 0, text: "# Spring launch\n\nQuestion headlines won on CTR.", headings: ["Spring launch"] },
    ]);
  });

  it("happy: small sections are packed together; a heading closes a chunk once it holds minChars", () => {
    const doc = [
      "# Brand",
      "## Voice",
      "Warm, direct, never smug.",
      "## Tone",
      "Confident.",
      "## Visual standards",
      "x".repeat(90),
      "## Messaging",
      "Plans, produces and proves campaigns in one place.",
    ].join("\n\n");
    const chunks = chunkDocument(doc, OPTIONS);
    expect(chunks.map((chunk) => chunk.headings)).toEqual([
      ["Brand"],
      ["Brand", "Visual standards"],
      ["Brand", "Messaging"],
    ]);
    // Voice and Tone are too small to stand alone: they share the first chunk.
    expect(chunks[0]!.text).toBe("# Brand\n\n## Voice\n\nWarm, direct, never smug.\n\n## Tone\n\nConfident.");
    // Later chunks open with their own heading and name the document they belong to.
    expect(chunks[1]!.text).toBe(`Brand\n\n## Visual standards\n\n${"x".repeat(90)}`);
    expect(chunks[2]!.text).toBe("Brand\n\n## Messaging\n\nPlans, produces and proves campaigns in one place.");
  });

  it("happy: a long section is cut between paragraphs with overlap, each part under its breadcrumb", () => {
    const paragraphs = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: ${"budget ".repeat(8).trim()}.`);
    const doc = `# Plan\n\n## Budget\n\n${paragraphs.join("\n\n")}`;
    const chunks = chunkDocument(doc, OPTIONS);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(1)) {
      expect(chunk.text.startsWith(`Plan${BREADCRUMB_SEPARATOR}Budget\n\n`)).toBe(true);
    }
    // Consecutive chunks share text: the tail of one starts the next.
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]!.text;
      const next = chunks[i]!.text.slice(`Plan${BREADCRUMB_SEPARATOR}Budget\n\n`.length);
      const shared = next.slice(0, 20);
      expect(previous).toContain(shared);
    }
    // Every paragraph is in some chunk, whole.
    for (const paragraph of paragraphs) expect(chunks.some((chunk) => chunk.text.includes(paragraph))).toBe(true);
  });

  it("edge: a paragraph longer than a chunk is cut at sentences, and no body exceeds maxChars", () => {
    const text = Array.from({ length: 30 }, (_, i) => sentence(i)).join("");
    const chunks = chunkDocument(text, OPTIONS);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(bodyOf(chunk).length).toBeLessThanOrEqual(OPTIONS.maxChars);
    for (let i = 0; i < 30; i++) expect(chunks.some((chunk) => chunk.text.includes(sentence(i).trim()))).toBe(true);
  });

  it("edge: huge input (1 MB without punctuation or spaces) is cut into bounded chunks, nothing lost", () => {
    const huge = "abcdefghij".repeat(100_000);
    const chunks = chunkDocument(huge);
    expect(chunks.length).toBeGreaterThan(1_000);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(1_000);
    // Without overlap the pieces reassemble to the input exactly.
    const exact = chunkDocument(huge, { maxChars: 1_000, overlapChars: 0, minChars: 0 });
    expect(exact.map((chunk) => chunk.text).join("")).toBe(huge);
  });

  it("edge: unicode — emoji, CJK and combining marks are never split, and text is NFC-normalised", () => {
    const emoji = "👩🏽‍💻🚀".repeat(200);
    const cjk = "市场营销活动的预算分配。".repeat(100);
    const combining = "e\u0301".repeat(300); // decomposed é: NFC turns it into one code unit each
    for (const text of [emoji, cjk, `${cjk}\n\n${emoji}`]) {
      const chunks = chunkDocument(text, OPTIONS);
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) expect(wellFormed(chunk.text)).toBe(true);
    }
    const normalised = chunkDocument(combining, OPTIONS);
    expect(normalised.map((chunk) => chunk.text).join("")).not.toContain("\u0301");
    // A run of combining marks with no base to cut before still terminates with well-formed pieces.
    const marks = `a${"\u0301\u0302".repeat(400)}`;
    const pieces = chunkDocument(marks, { maxChars: 100, overlapChars: 0, minChars: 0 });
    expect(pieces.map((chunk) => chunk.text).join("")).toBe(marks.normalize("NFC"));
  });

  it("edge: blank lines inside a fenced code block do not split the block", () => {
    const doc = "# Snippet\n\n```\nline one\n\nline two\n```";
    expect(chunkDocument(doc, OPTIONS)[0]!.text).toContain("```\nline one\n\nline two\n```");
  });

  it("edge: CRLF line ends and control characters are normalised away", () => {
    expect(normalizeText("a\r\nb\rc\u0000d\u0007")).toBe("a\nb\ncd");
    expect(chunkDocument("# T\r\n\r\nbody", OPTIONS)[0]!.text).toBe("# T\n\nbody");
  });

  it("edge: a heading-only document keeps its heading", () => {
    expect(chunkDocument("# Only a title", OPTIONS)).toEqual([
      { index: 0, text: "# Only a title", headings: ["Only a title"] },
    ]);
  });

  it("error: impossible sizes are refused when called, not silently clamped", () => {
    expect(() => chunkDocument("x", { maxChars: 100, overlapChars: 50, minChars: 0 })).toThrow(RangeError);
    expect(() => chunkDocument("x", { maxChars: 100, overlapChars: 10, minChars: 200 })).toThrow(RangeError);
    expect(() => chunkDocument("x", { maxChars: 1.5, overlapChars: 0, minChars: 0 })).toThrow(RangeError);
  });
});
