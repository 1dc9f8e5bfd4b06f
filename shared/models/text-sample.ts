import type { Prng } from "./deterministic.ts";
import type { Vocabulary } from "./salience.ts";

/** The constraints of a JSON Schema string that the offline model honours. */
export interface StringSpec {
  minLength?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
}

const TITLE_HINT = /headline|title|subject|heading|tagline|slogan|hook|logline|cta|concept|theme|pillar|topic/i;
// Names and short labels: one phrase of the prompt, rotating through them along a list.
const TERM_HINT =
  /name|label|brand|competitor|segment|persona|channel|platform|region|tag|keyword|term|word|category|format|locale|source|metric|stage/i;
const ID_HINT = /(^id$|Id$|_id$|^code$|Code$|slug|^key$)/;
const CONNECTORS = [
  "matters most to",
  "is the clearest angle for",
  "gives a credible advantage with",
  "ties directly to",
  "should lead the message for",
  "is backed by what we know about",
];
const TITLE_JOINERS = [" for ", ": ", " with ", " — "];
const DAY_MS = 86_400_000;
const EPOCH_2025 = Date.UTC(2025, 0, 1);

/** A string derived from the prompt's phrases, shaped by the field's name and constraints. */
export function sampleString(spec: StringSpec, hint: string, vocab: Vocabulary, prng: Prng, index: number): string {
  const formatted = spec.format ? sampleFormat(spec.format, vocab, prng, index) : undefined;
  if (formatted !== undefined) return formatted;

  const phrases = vocab.phrases.length > 0 ? vocab.phrases : ["offline response"];
  const isTitle = TITLE_HINT.test(hint);
  // Titles always lead with the request's main phrase; prose rotates through the top few for variety.
  const lead = (isTitle ? phrases[0] : phrases[index % Math.min(phrases.length, 3)]) ?? "offline response";
  const other = phrases.length > 1 ? phrases[1 + ((index + prng.int(0, 7)) % (phrases.length - 1))] : lead;
  const second = other === lead ? (vocab.words[index % Math.max(vocab.words.length, 1)] ?? lead) : (other ?? lead);

  const term = phrases[index % phrases.length] ?? lead;
  let candidates: string[];
  if (spec.pattern) candidates = [slug(lead, index), lead, titleCase(lead), slug(lead, -1), String(index + 1)];
  else if (ID_HINT.test(hint)) candidates = [slug(lead, index)];
  else if (/hashtag/i.test(hint)) candidates = [`#${titleCase(term).replace(/[^\p{L}\p{N}]+/gu, "")}`];
  else if (isTitle) {
    // Several pairings, so one of them fits a tight maxLength before falling back to the lead phrase alone.
    const joiner = prng.pick(TITLE_JOINERS);
    const seconds = [second, ...phrases.slice(1, 6), ...vocab.words.slice(0, 3)].filter(
      (p) => p.toLowerCase() !== lead.toLowerCase(),
    );
    candidates = [...seconds.map((p) => titleCase(lead) + joiner + titleCase(p)), titleCase(lead)];
  } else if (TERM_HINT.test(hint)) candidates = [term];
  else candidates = [`${capitalise(lead)} ${prng.pick(CONNECTORS)} ${second}.`, `${capitalise(lead)}.`];

  if (spec.pattern) {
    const pattern = compile(spec.pattern);
    const match = candidates.find((candidate) => pattern?.test(candidate));
    if (match) return match;
  }
  const max = spec.maxLength ?? Number.POSITIVE_INFINITY;
  const chosen = candidates.find((candidate) => candidate.length <= max) ?? candidates[candidates.length - 1] ?? lead;
  return fitLength(chosen, spec.minLength ?? 0, max, phrases, index);
}

/** Pads with further phrases up to minLength, then trims at a word boundary to maxLength. */
function fitLength(text: string, min: number, max: number, phrases: readonly string[], index: number): string {
  let out = text;
  for (let i = 0; out.length < min; i++) out = `${out} ${phrases[(index + i) % phrases.length]}`;
  if (out.length <= max) return out;
  const cut = out.slice(0, max);
  const boundary = cut.lastIndexOf(" ");
  const trimmed = boundary >= min && boundary > 0 ? cut.slice(0, boundary) : cut;
  // Drop a dangling joiner ("Stride Labs —") unless that would undercut minLength.
  const tidy = trimmed.replace(/[\s:—,-]+$/u, "");
  return tidy.length >= min ? tidy : trimmed;
}

function sampleFormat(format: string, vocab: Vocabulary, prng: Prng, index: number): string | undefined {
  const lead = vocab.phrases[0] ?? vocab.words[0] ?? "offline";
  const day = new Date(EPOCH_2025 + prng.int(0, 729) * DAY_MS);
  switch (format) {
    case "date":
      return day.toISOString().slice(0, 10);
    case "date-time":
      return new Date(day.getTime() + prng.int(0, 86_399) * 1000).toISOString();
    case "time":
      return new Date(prng.int(0, 86_399) * 1000).toISOString().slice(11, 19);
    case "email":
      return `${slug(lead, -1).slice(0, 40) || "contact"}@example.com`;
    case "uri":
    case "url":
    case "iri":
    case "uri-reference":
      return `https://example.com/${slug(lead, index)}`;
    case "hostname":
      return `${slug(lead, -1).slice(0, 40) || "offline"}.example.com`;
    case "uuid":
      return uuidFrom(prng);
    case "ipv4":
      return `192.0.2.${prng.int(1, 254)}`;
    case "ipv6":
      return `2001:db8::${prng.int(1, 0xffff).toString(16)}`;
    default:
      return undefined;
  }
}

function uuidFrom(prng: Prng): string {
  const hex = Array.from({ length: 32 }, () => prng.int(0, 15).toString(16));
  hex[12] = "4";
  hex[16] = ((prng.int(0, 3) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** `eco-friendly running shoes` → `eco-friendly-running-shoes-1` (no suffix when index < 0). */
export function slug(text: string, index: number): string {
  const base = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return index < 0 ? base : `${base || "item"}-${index + 1}`;
}

/** Title-cases each word (and each hyphenated part), leaving acronyms alone. */
export function titleCase(text: string): string {
  return text.replace(/\p{L}[\p{L}\p{N}']*/gu, (word) => (word === word.toUpperCase() ? word : capitalise(word)));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function compile(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "u");
  } catch {
    return undefined;
  }
}
