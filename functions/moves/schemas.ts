import * as v from "valibot";
import { csvPicklist, cursorMatchesSort, listQueryEntries } from "../../shared/db/pagination.ts";
import { columnValues } from "../../shared/db/rows.generated.ts";
import {
  idParam,
  integer,
  name,
  notEmpty,
  oneOf,
  strictBody,
  strictQuery,
  text,
  timestamp,
  uuid,
} from "../../shared/http/fields.ts";

export const MOVE_TYPES = columnValues.moves.move_type;
export const MOVE_CHANNELS = columnValues.moves.channel;
export const MOVE_STATUSES = columnValues.moves.status;
export const MOVE_PRIORITIES = columnValues.moves.priority;

/** `:moveId` in the path. */
export const MoveParam = idParam("moveId");

const editable = {
  name: name("name"),
  description: v.optional(text("description")),
  move_type: oneOf(MOVE_TYPES, "move_type"),
  channel: v.optional(v.nullable(oneOf(MOVE_CHANNELS, "channel"))),
  status: v.optional(oneOf(MOVE_STATUSES, "status")),
  priority: v.optional(oneOf(MOVE_PRIORITIES, "priority")),
  guild_id: v.optional(v.nullable(uuid("guild_id"))),
  agent_id: v.optional(v.nullable(uuid("agent_id"))),
  due_at: v.optional(v.nullable(timestamp("due_at"))),
  position: v.optional(integer("position", 0, 1_000_000)),
};

/** POST /moves: a campaign action or tactic. */
export const CreateMoveBody = strictBody({ ...editable, campaign_id: uuid("campaign_id") });
export type CreateMoveInput = v.InferOutput<typeof CreateMoveBody>;

/** PATCH /moves/:id: any field but the campaign, which a move never leaves. */
export const UpdateMoveBody = v.pipe(
  strictBody({ ...editable, name: v.optional(editable.name), move_type: v.optional(editable.move_type) }),
  notEmpty(),
);
export type UpdateMoveInput = v.InferOutput<typeof UpdateMoveBody>;

/** GET /moves: by campaign, status, type, priority and channel; sorted and paged. */
export const ListMovesQuery = v.pipe(
  strictQuery({
    ...listQueryEntries({ sortable: ["created_at", "updated_at", "name", "position"], defaultSort: "-created_at" }),
    campaign_id: v.optional(uuid("campaign_id")),
    status: v.optional(csvPicklist(MOVE_STATUSES, "status")),
    move_type: v.optional(csvPicklist(MOVE_TYPES, "move_type")),
    priority: v.optional(csvPicklist(MOVE_PRIORITIES, "priority")),
    channel: v.optional(csvPicklist(MOVE_CHANNELS, "channel")),
  }),
  cursorMatchesSort(),
);
export type ListMovesInput = v.InferOutput<typeof ListMovesQuery>;
