import type { MovesRow } from "../../shared/db/rows.generated.ts";
import { toWire, type Wire } from "../../shared/http/responses.ts";

/** A move as the API returns it. */
export type Move = Wire<MovesRow>;

/** A moves row as the API returns it. */
export function toMove(row: MovesRow): Move {
  return toWire(row);
}
