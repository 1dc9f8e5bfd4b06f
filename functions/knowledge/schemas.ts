import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries, MAX_PAGE_SIZE } from "../../shared/db/pagination.ts";
import { MAX_BATCH_ITEMS } from "../../shared/knowledge/batch.ts";
import { KnowledgeInput } from "../../shared/knowledge/input.ts";
import { CATEGORIES, COLLECTIONS, SYSTEM_COLLECTIONS, TEMPLATES } from "../../shared/knowledge/vocabulary.ts";

/** Collections a client may write: all but the platform's own Codex. */
const WRITABLE = COLLECTIONS.filter((collection) => !SYSTEM_COLLECTIONS.has(collection));

/** `POST /knowledge`: one document; the Codex collection is the platform's, not the client's. */
export const IngestBody = v.pipe(
  KnowledgeInput,
  v.forward(
    v.check(
      (input) => input.collection === undefined || WRITABLE.includes(input.collection),
      `collection must be one of ${WRITABLE.join(", ")}: codex_knowledge is maintained by the platform`,
    ),
    ["collection"],
  ),
);

/** `POST /knowledge/batch`: up to 500 documents; over 10 are queued (`mode: "queued"` forces it). */
export const BatchBody = v.strictObject({
  items: v.pipe(
    v.array(IngestBody, "items must be an array of documents"),
    v.minLength(1, "items must hold at least one document"),
    v.maxLength(MAX_BATCH_ITEMS, `items may hold at most ${MAX_BATCH_ITEMS} documents`),
  ),
  mode: v.optional(v.picklist(["auto", "queued"], "mode must be auto or queued"), "auto"),
});

const topK = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^\d{1,4}$/, "top_k must be a positive integer"),
    v.transform(Number),
    v.minValue(1, "top_k must be at least 1"),
    v.maxValue(MAX_PAGE_SIZE, `top_k must be at most ${MAX_PAGE_SIZE}`),
  ),
  "5",
);
const queryText = (name: string) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty(`${name} must not be empty`), v.maxLength(2_000, `${name} is too long`));

/** `GET /knowledge/search`: the text, optional comma-separated filters, and how many results. */
export const SearchQuery = v.object({
  q: queryText("q"),
  collection: v.optional(csvPicklist(COLLECTIONS, "collection")),
  category: v.optional(csvPicklist(CATEGORIES, "category")),
  template: v.optional(csvPicklist(TEMPLATES, "template")),
  top_k: topK,
  /** `false` turns the keyword boost off (pure vector ranking). */
  hybrid: v.optional(v.picklist(["true", "false"], "hybrid must be true or false"), "true"),
});

const uuid = (name: string) => v.pipe(v.string(), v.uuid(`${name} must be a UUID`));

/** `GET /knowledge`: a page of memories, filtered. */
export const ListQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at"], defaultSort: "-created_at" }),
    collection: v.optional(v.picklist(COLLECTIONS, `collection must be one of ${COLLECTIONS.join(", ")}`)),
    category: v.optional(v.picklist(CATEGORIES, `category must be one of ${CATEGORIES.join(", ")}`)),
    template: v.optional(v.picklist(TEMPLATES, `template must be one of ${TEMPLATES.join(", ")}`)),
    document_id: v.optional(uuid("document_id")),
  }),
  cursorMatchesSort(),
);

/** `:id` of a memory. */
export const MemoryParams = v.object({ id: uuid("id") });
/** `:documentId` of a document. */
export const DocumentParams = v.object({ documentId: uuid("documentId") });
/** `:batchId` of a queued batch. */
export const BatchParams = v.object({ batchId: uuid("batchId") });

/** `:code` of an agent (RES-001). */
export const AgentParams = v.object({
  code: v.pipe(v.string(), v.toUpperCase(), v.regex(/^(LORD|RES|MUSE|MTX|GRD)-\d{3}$/, "code must look like RES-001")),
});

/** `GET /agents/:code/memories`: with `query`, the agent's RAG retrieval; without, what it wrote. */
export const AgentMemoriesQuery = v.pipe(
  v.object({
    ...listQueryEntries({ sortable: ["created_at"], defaultSort: "-created_at" }),
    query: v.optional(queryText("query")),
    top_k: topK,
  }),
  cursorMatchesSort(),
);
