/** What a row looked like before a status change. */
export interface CompletionState {
  status: string;
  completedAt: Date | null;
}

/**
 * The `completed_at` to store after a status write: stamped when the row becomes `completed`,
 * kept while it stays completed, cleared when it leaves; undefined (leave as is) when the write
 * does not touch the status.
 */
export function completionStamp(
  status: string | undefined,
  previous: CompletionState | undefined,
  now: Date,
): Date | null | undefined {
  if (status === undefined) return undefined;
  if (status !== "completed") return null;
  return previous?.status === "completed" ? previous.completedAt : now;
}
