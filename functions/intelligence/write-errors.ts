import postgres from "postgres";
import { ApiError } from "../../shared/http/api-error.ts";

/**
 * The field a constraint is about. Under row-level security Postgres leaves the offending key
 * out of the error detail, so it is read from the constraint's default name instead:
 * `<table>_workspace_id_<column>_fkey` or `_key` names `<column>`.
 */
function constraintField(err: postgres.PostgresError): string | undefined {
  const name = err.constraint_name;
  if (!name) return err.column_name;
  const prefix = err.table_name ? `${err.table_name}_` : "";
  const columns = (name.startsWith(prefix) ? name.slice(prefix.length) : name).replace(/_(fkey|key|check)$/, "");
  return columns.replace(/^workspace_id_/, "") || undefined;
}

/**
 * Maps what Postgres refuses on a write to the envelope a client can act on: a duplicate is a
 * 409, a reference to a row this workspace does not have a 422 naming the field, a check
 * constraint a 400. Anything else is rethrown unchanged.
 */
export function toWriteError(err: unknown): unknown {
  if (!(err instanceof postgres.PostgresError)) return err;
  const field = constraintField(err);
  switch (err.code) {
    case "23505":
      return ApiError.conflict(
        `A record with this ${field ?? "value"} already exists in this workspace`,
        [{ field, message: "must be unique in the workspace" }],
        "DUPLICATE",
      );
    case "23503":
      return ApiError.unprocessable(
        `${field ?? "A reference"} does not name a record of this workspace`,
        [{ field, message: "does not exist in this workspace" }],
        "UNKNOWN_REFERENCE",
      );
    case "23514":
    case "23502":
      return ApiError.badRequest(`The record breaks the constraint ${err.constraint_name ?? err.column_name ?? ""}`, [
        { field: field ?? err.constraint_name, message: err.message },
      ]);
    case "42501":
      return ApiError.forbidden("Row-level security refused this write", "ROW_LEVEL_SECURITY");
    default:
      return err;
  }
}

/** Runs a write, translating constraint violations with `toWriteError`. */
export async function translatingWriteErrors<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw toWriteError(err);
  }
}
