import type { Tx } from "../../../shared/db/database.ts";
import type { ContentType } from "../../../shared/domain/aesthete/index.ts";
import { DomainInputError } from "../../../shared/domain/errors.ts";
import { ApiError } from "../../../shared/http/api-error.ts";
import type { Emit } from "../capability.ts";
import type { ContentSource } from "./schemas.ts";

/** A content item as the Aesthete judges it. */
export interface ContentItem {
  id: string;
  content_type: ContentType;
  title: string;
  body: string | null;
  status: string;
  version: number;
  campaign_id: string | null;
}

/** Titles of new content default to its opening, cut at a word boundary. */
const TITLE_CHARS = 80;

/**
 * The item a capability judges, locked for the rest of the transaction: an existing one (revised
 * to `content` when that differs from its body: version + 1, back to review, `content.updated`),
 * or a new one made from `content` (`content.created`). Reads and writes run as the actor, so an
 * item of another workspace is simply not found.
 */
export async function resolveContent(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  actorId: string,
  source: ContentSource,
): Promise<{ item: ContentItem; text: string }> {
  if (source.content_item_id === undefined) return createContent(tx, emit, workspaceId, actorId, source);

  const [found] = await tx<ContentItem[]>`
    select id, content_type, title, body, status, version, campaign_id
    from public.content_items
    where workspace_id = ${workspaceId} and id = ${source.content_item_id}
    for update`;
  if (!found) throw ApiError.notFound("Content item not found", "CONTENT_ITEM_NOT_FOUND");
  if (source.content_type !== undefined && source.content_type !== found.content_type) {
    throw new DomainInputError("content_type", `the content item is ${found.content_type}, not ${source.content_type}`);
  }
  if (source.content === undefined || source.content === found.body) {
    if (found.body === null || found.body.trim() === "") {
      throw new DomainInputError("content", "the content item has no text to judge; send its text as content");
    }
    return { item: found, text: found.body };
  }
  const [revised] = await tx<ContentItem[]>`
    update public.content_items
    set body = ${source.content}, version = version + 1, status = 'in_review', quality_score = null
    where workspace_id = ${workspaceId} and id = ${found.id}
    returning id, content_type, title, body, status, version, campaign_id`;
  await emit("content.updated", {
    content_item_id: found.id,
    version: revised!.version,
    previous_version: found.version,
    changed: ["body"],
  });
  return { item: revised!, text: source.content };
}

async function createContent(
  tx: Tx,
  emit: Emit,
  workspaceId: string,
  actorId: string,
  source: ContentSource,
): Promise<{ item: ContentItem; text: string }> {
  const text = source.content!;
  const [item] = await tx<ContentItem[]>`
    insert into public.content_items (workspace_id, content_type, title, body, channel, status, campaign_id, created_by)
    values (${workspaceId}, ${source.content_type!}, ${source.title ?? titleOf(text)}, ${text},
            ${source.channel ?? null}, 'in_review', ${source.campaign_id ?? null}, ${actorId})
    returning id, content_type, title, body, status, version, campaign_id`;
  await emit("content.created", { content_item_id: item!.id, content_type: item!.content_type, title: item!.title });
  return { item: item!, text };
}

/** The first line of the text, at most 80 characters, cut after a whole word. */
export function titleOf(text: string): string {
  const line = text.trim().split(/\r?\n/)[0]!.trim();
  if (line.length <= TITLE_CHARS) return line || "Untitled";
  const cut = line.slice(0, TITLE_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > 20 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
