/**
 * Structure-aware chunking of Markdown. Headings and blank-line paragraphs are the preferred cut
 * points; small sections are packed together, a section too long for one chunk is cut between
 * paragraphs (then sentences, then words) and consecutive chunks of one section overlap, so a
 * fact on a boundary is whole in at least one chunk. Lengths are UTF-16 code units, and no cut
 * ever splits a surrogate pair or separates a combining mark from its base.
 */

/** Size limits of a chunk's body (its heading breadcrumb comes on top). */
export interface ChunkOptions {
  /** Longest chunk body. */
  maxChars: number;
  /** How much of the previous chunk's tail starts the next one when a section is cut. */
  overlapChars: number;
  /** A heading closes the running chunk only once it holds this much; smaller sections merge. */
  minChars: number;
}

/**
 * Defaults measured with `bench/knowledge-retrieval.ts` (labelled set plus the Codex as
 * distractors, local embedding): 1,000/150/300 and 2,000/300/600 tie for the best MRR, 300- and
 * 500-character chunks rank a little worse; the smaller of the best keeps citations precise.
 */
export const DEFAULT_CHUNK_OPTIONS: Readonly<ChunkOptions> = { maxChars: 1_000, overlapChars: 150, minChars: 300 };

/** One chunk: its position, its text (breadcrumb + body) and the heading path it starts under. */
export interface Chunk {
  index: number;
  text: string;
  headings: string[];
}

type Block = { kind: "heading"; level: number; text: string } | { kind: "paragraph"; text: string };

const HEADING = /^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const FENCE = /^\s*(```|~~~)/;
// C0/C1 controls other than tab and newline carry no meaning and would only perturb the hash.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Joins the headings a chunk starts under into its first line. */
export const BREADCRUMB_SEPARATOR = " › ";

/** NFC, `\n` line ends, no control characters: the form chunks and hashes are computed on. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/** Splits Markdown into chunks; whitespace-only text yields none. */
export function chunkDocument(markdown: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  assertOptions(options);
  const text = normalizeText(markdown);
  if (text.trim() === "") return [];
  // A piece must fit after an overlap tail and its paragraph break.
  const pieceLimit = options.maxChars - options.overlapChars - 2;
  const chunks: Chunk[] = [];
  const path: { level: number; text: string }[] = [];
  let lines: string[] = [];
  let length = 0;
  let hasBody = false;
  let startPath: string[] = [];
  let startsWithHeading = false;

  const add = (line: string, isHeading: boolean) => {
    if (lines.length === 0) {
      startPath = path.map((heading) => heading.text);
      startsWithHeading = isHeading;
    }
    lines.push(line);
    length += line.length + (lines.length > 1 ? 2 : 0);
    if (!isHeading) hasBody = true;
  };
  const flush = (overlap: boolean) => {
    if (lines.length === 0) return;
    const body = lines.join("\n\n");
    // A chunk that opens with its own heading shows it in the body; the breadcrumb holds the rest.
    const crumbs = startsWithHeading ? startPath.slice(0, -1) : startPath;
    chunks.push({
      index: chunks.length,
      text: crumbs.length > 0 ? `${crumbs.join(BREADCRUMB_SEPARATOR)}\n\n${body}` : body,
      headings: startPath,
    });
    lines = [];
    length = 0;
    hasBody = false;
    const tail = overlap ? overlapTail(body, options.overlapChars) : "";
    if (tail !== "") add(tail, false);
  };

  for (const block of parseBlocks(text)) {
    if (block.kind === "heading") {
      if (hasBody && length >= options.minChars) flush(false);
      while ((path.at(-1)?.level ?? 0) >= block.level) path.pop();
      path.push({ level: block.level, text: block.text });
      add(`${"#".repeat(block.level)} ${block.text}`, true);
      continue;
    }
    for (const piece of splitLong(block.text, pieceLimit)) {
      if (hasBody && length + 2 + piece.length > options.maxChars) flush(true);
      add(piece, false);
    }
  }
  flush(false);
  return chunks;
}

function assertOptions(options: ChunkOptions): void {
  const { maxChars, overlapChars, minChars } = options;
  if (!Number.isInteger(maxChars) || !Number.isInteger(overlapChars) || !Number.isInteger(minChars)) {
    throw new RangeError("chunk sizes must be integers");
  }
  // An overlap of half a chunk or more would make every cut repeat more than it advances.
  if (maxChars < 8 || overlapChars < 0 || overlapChars * 2 >= maxChars || minChars < 0 || minChars > maxChars) {
    throw new RangeError("chunk sizes must satisfy 0 <= overlapChars < maxChars / 2 and 0 <= minChars <= maxChars");
  }
}

/** Headings and paragraphs; blank lines inside a fenced code block do not end it. */
function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let inFence = false;
  const endParagraph = () => {
    const joined = paragraph.join("\n").trim();
    if (joined !== "") blocks.push({ kind: "paragraph", text: joined });
    paragraph = [];
  };
  for (const line of text.split("\n")) {
    if (FENCE.test(line)) inFence = !inFence;
    else if (!inFence) {
      const heading = HEADING.exec(line);
      if (heading) {
        endParagraph();
        blocks.push({ kind: "heading", level: heading[1]!.length, text: heading[2]!.trim() });
        continue;
      }
      if (line.trim() === "") {
        endParagraph();
        continue;
      }
    }
    paragraph.push(line.trimEnd());
  }
  endParagraph();
  return blocks;
}

/** A paragraph as pieces of at most `limit`: whole if it fits, else by sentences, then words. */
function splitLong(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const pieces: string[] = [];
  let current = "";
  for (const sentence of sentences(text)) {
    if (current.length + sentence.length > limit && current.trim() !== "") {
      pieces.push(current.trim());
      current = "";
    }
    if (sentence.length > limit) pieces.push(...hardSplit(sentence, limit));
    else current += sentence;
  }
  if (current.trim() !== "") pieces.push(current.trim());
  return pieces;
}

const sentenceSegmenter =
  typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "sentence" }) : undefined;

function sentences(text: string): string[] {
  if (sentenceSegmenter) return Array.from(sentenceSegmenter.segment(text), (segment) => segment.segment);
  return text.match(/[^.!?。！？]*(?:[.!?。！？]+\s*|$)/gu)?.filter((s) => s !== "") ?? [text];
}

/** Cuts text with no usable sentence breaks at word boundaries, or anywhere safe if it has none. */
function hardSplit(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + limit, text.length);
    if (end < text.length) {
      // Only a break in the back half is worth it (pieces would shrink to nothing otherwise), and
      // searching just that window keeps a long text without spaces linear, not quadratic.
      const half = start + Math.floor(limit / 2);
      const window = text.slice(half, end);
      const space = Math.max(window.lastIndexOf(" "), window.lastIndexOf("\n"));
      end = space > 0 ? half + space : safeCut(text, end, start);
    }
    const piece = text.slice(start, end).trim();
    if (piece !== "") pieces.push(piece);
    start = end;
  }
  return pieces;
}

/** The nearest index at or before `index` (but after `floor`) that splits no character. */
function safeCut(text: string, index: number, floor: number): number {
  let cut = index;
  while (cut > floor + 1 && !isSafeCut(text, cut)) cut--;
  if (isSafeCut(text, cut)) return cut;
  // A run of combining marks longer than the limit: cut forward instead, never backward to zero.
  cut = index;
  while (cut < text.length && !isSafeCut(text, cut)) cut++;
  return cut;
}

/** Not inside a surrogate pair, not before a combining mark, not on either side of a zero-width joiner. */
function isSafeCut(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  const afterJoiner = text.charCodeAt(index - 1) === 0x200d;
  return !lowSurrogate && !afterJoiner && !/^(?:\p{M}|\u200d|\ufe0f)/u.test(text.slice(index, index + 1));
}

/** The last `size` units of a chunk body, starting at a word boundary when there is one. */
function overlapTail(body: string, size: number): string {
  if (size === 0 || body.length <= size) return size === 0 ? "" : body;
  let start = body.length - size;
  const space = body.slice(start).search(/\s/);
  if (space !== -1 && space < size / 2) start += space;
  else start = safeCut(body, start, 0);
  return body.slice(start).trim();
}
