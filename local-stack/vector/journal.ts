import {
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { decodeHeader, decodeMutation, encodeMutation, type JournalHeader } from "./journal-codec.ts";
import type { Mutation, SimilarityFunction } from "./types.ts";

const FILE_NAME = "vector-journal.jsonl";

/** An open, append-only journal file. */
export interface Journal {
  append(mutation: Mutation): void;
  close(): void;
}

/**
 * Persistence as an append-only JSONL journal in `dataDir`: a header line, then one mutation per
 * line, written synchronously before the change is applied and acknowledged. On open the journal is
 * replayed through `replay`, then compacted (rewritten from `snapshot`, atomically via rename), so
 * it only ever holds one start's worth of history.
 */
export async function openJournal(options: {
  dataDir: string;
  dimension: number;
  similarity: SimilarityFunction;
  replay: (mutation: Mutation) => void;
  snapshot: () => Iterable<Mutation>;
}): Promise<Journal> {
  const { dataDir, dimension, similarity } = options;
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, FILE_NAME);
  if (existsSync(path)) await replayFile(path, { dimension, similarity }, options.replay);

  const header: JournalHeader = { format: "raptorflow-vector-journal", version: 1, dimension, similarity };
  const temporary = `${path}.compacting`;
  const out = openSync(temporary, "w");
  try {
    writeSync(out, `${JSON.stringify(header)}\n`);
    for (const mutation of options.snapshot()) writeSync(out, `${encodeMutation(mutation)}\n`);
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
  renameSync(temporary, path);

  let fd: number | undefined = openSync(path, "a");
  return {
    append(mutation) {
      if (fd === undefined) throw new Error("vector journal is closed");
      writeSync(fd, `${encodeMutation(mutation)}\n`);
    },
    close() {
      if (fd === undefined) return;
      fsyncSync(fd);
      closeSync(fd);
      fd = undefined;
    },
  };
}

async function replayFile(
  path: string,
  expected: { dimension: number; similarity: SimilarityFunction },
  replay: (mutation: Mutation) => void,
): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  let torn: { lineNumber: number; error: unknown } | undefined;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    // Only the last line may be torn (a crash mid-write); a bad line with more after it is corruption.
    if (torn) throw new Error(`${path}:${torn.lineNumber}: corrupt journal entry (${String(torn.error)})`);
    if (lineNumber === 1) {
      const header = decodeHeader(line);
      if (header.dimension !== expected.dimension || header.similarity !== expected.similarity) {
        throw new Error(
          `${path} holds ${header.dimension}-dimension ${header.similarity} vectors, ` +
            `but the stand-in was started with ${expected.dimension}-dimension ${expected.similarity}`,
        );
      }
      continue;
    }
    try {
      replay(decodeMutation(line, expected.dimension));
    } catch (error) {
      torn = { lineNumber, error };
    }
  }
}
