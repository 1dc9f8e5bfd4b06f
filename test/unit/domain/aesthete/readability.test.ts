import { describe, expect, it } from "vitest";
import { readability } from "../../../../shared/domain/aesthete/index.ts";
import { countSyllables } from "../../../../shared/domain/text/index.ts";

describe("countSyllables heuristic", () => {
  it("counts common words correctly", () => {
    const cases: [string, number][] = [
      ["cat", 1],
      ["the", 1], // no vowel left after the silent e → floor of 1
      ["table", 2], // "-ble" ending adds one
      ["creature", 2], // silent final e dropped
      ["Australian", 4], // "ia" adds one
      ["jumped", 1], // "-ed" after p is silent
      ["wanted", 2], // "-ted" is pronounced
      ["information", 4], // "ion" and "io" cancel
      ["hippopotamus", 5],
      ["a", 1],
    ];
    for (const [word, n] of cases) expect([word, countSyllables(word)]).toEqual([word, n]);
  });
});

describe("readability", () => {
  it("scores a one-sentence children's text", () => {
    // 6 words, 1 sentence, 6 syllables: FRE = 206.835 − 1.015·6 − 84.6·1 = 116.145; FKGL = 0.39·6 + 11.8 − 15.59 = −1.45.
    const r = readability("The cat sat on the mat.");
    expect([r.words, r.sentences, r.syllables]).toEqual([6, 1, 6]);
    expect(r.fleschReadingEase).toBeCloseTo(116.145, 10);
    expect(r.fleschKincaidGrade).toBeCloseTo(-1.45, 10);
  });

  it("matches the published platypus example (grade 13.1)", () => {
    // The Flesch–Kincaid example sentence: 13 words, 26 syllables (The 1, Aus-tra-li-an 4, plat-y-pus 3, is 1,
    // seem-ing-ly 3, a 1, hy-brid 2, of 1, a 1, mam-mal 2, and 1, rep-til-i-an 4, crea-ture 2).
    // FRE = 206.835 − 1.015·13 − 84.6·2 = 24.44; FKGL = 0.39·13 + 11.8·2 − 15.59 = 13.08.
    const r = readability("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.");
    expect([r.words, r.sentences, r.syllables]).toEqual([13, 1, 26]);
    expect(r.fleschReadingEase).toBeCloseTo(24.44, 10);
    expect(r.fleschKincaidGrade).toBeCloseTo(13.08, 10);
  });

  it("splits sentences on terminal punctuation and line breaks", () => {
    // "I like it." + "You like it too!" + headline line: 10 words, 3 sentences, 10 one-syllable words ("Big" "news" "now").
    // FRE = 206.835 − 1.015·(10/3) − 84.6 = 118.8517.
    const r = readability("Big news now\nI like it. You like it too!");
    expect([r.words, r.sentences, r.syllables]).toEqual([10, 3, 10]);
    expect(r.fleschReadingEase).toBeCloseTo(206.835 - (1.015 * 10) / 3 - 84.6, 10);
  });

  it("rejects text without words", () => {
    expect(() => readability(" ... ")).toThrow("text: readability needs at least one word");
  });
});
