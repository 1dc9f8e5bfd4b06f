import type { JSONParsed } from "hono/utils/types";
import * as v from "valibot";
import { ROLES } from "../../shared/auth/permissions.ts";
import { cursorMatchesSort, listQueryEntries } from "../../shared/db/pagination.ts";
import type { ApiKeysRow } from "../../shared/db/rows.generated.ts";
import { name, oneOf, strictBody, timestamp, uuid } from "../../shared/http/fields.ts";
import type { DataResponse, ListResponse } from "../../shared/http/responses.ts";

/** `GET /api-keys`: page, sort, and whether revoked keys are included (default not). */
export const ListApiKeysQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at", "name"], defaultSort: "-created_at" }),
    include_revoked: v.optional(
      v.pipe(
        v.picklist(["true", "false"], "include_revoked must be true or false"),
        v.transform((flag) => flag === "true"),
      ),
    ),
  }),
  cursorMatchesSort(),
);
export type ListApiKeysQuery = v.InferOutput<typeof ListApiKeysQuery>;

/** `POST /api-keys`: a name, the role the key acts with (default analyst), an optional expiry. */
export const CreateApiKeyBody = v.pipe(
  strictBody({
    name: name("name", 100),
    role: v.optional(oneOf(ROLES, "role"), "analyst"),
    expires_at: v.optional(v.nullable(timestamp("expires_at"))),
  }),
  v.forward(
    v.check((body) => !body.expires_at || Date.parse(body.expires_at) > Date.now(), "expires_at must be in the future"),
    ["expires_at"],
  ),
);
export type CreateApiKeyBody = v.InferOutput<typeof CreateApiKeyBody>;

/** `:keyId` path parameter. */
export const ApiKeyParams = v.object({ keyId: uuid("keyId") });

/** An API key as lists show it: the prefix identifies it, the secret and its hash never leave. */
export type ApiKey = JSONParsed<Omit<ApiKeysRow, "key_hash">>;
/** `POST /api-keys` answers once with the secret itself. */
export type CreatedApiKey = ApiKey & { secret: string };
/** `POST /api-keys`. */
export type CreatedApiKeyResponse = DataResponse<CreatedApiKey>;
/** `GET /api-keys`: one page. */
export type ApiKeyListResponse = ListResponse<ApiKey>;
