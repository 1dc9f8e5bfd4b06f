import { Hono } from "hono";
import {
  BroadcastInput,
  CommunicationLogInput,
  CreateTemplateInput,
  FormatMessageInput,
  ListNotificationsInput,
  ListSubscribersInput,
  ListTemplatesInput,
  OutboxInput,
  RegisterBody,
  SendNotificationInput,
  TemplateParams,
  UnregisterBody,
  UpdateTemplateBody,
} from "../../../durable-objects/lords/herald/inputs.ts";
import type { AppEnv } from "../../../shared/app-env.ts";
import { lordAction, lordQuery } from "../routes.ts";

/**
 * The Herald's routes, mounted at `/lords/herald` (status is served for every Lord). The spec's
 * nine plus template read/update/delete, the caller's notifications and, in local runs, the
 * outbox external channels deliver to when no provider key is set.
 */
export const heraldRoutes = new Hono<AppEnv>()
  .post("/notify/send", ...lordAction("herald", "send_notification", SendNotificationInput, { status: 201 }))
  .post("/subscribers/register", ...lordAction("herald", "manage_subscribers", RegisterBody, { status: 201 }))
  .post("/subscribers/unregister", ...lordAction("herald", "manage_subscribers", UnregisterBody))
  .get("/subscribers", ...lordQuery("herald", "list_subscribers", ListSubscribersInput))
  .post("/messages/format", ...lordAction("herald", "format_message", FormatMessageInput))
  .post("/broadcast/send", ...lordAction("herald", "broadcast_event", BroadcastInput, { status: 201 }))
  .get("/communications/log", ...lordQuery("herald", "get_communication_log", CommunicationLogInput))
  .post("/templates/create", ...lordAction("herald", "create_template", CreateTemplateInput, { status: 201 }))
  .get("/templates", ...lordQuery("herald", "list_templates", ListTemplatesInput))
  .get("/templates/:id", ...lordQuery("herald", "get_template", undefined, { params: TemplateParams }))
  .patch("/templates/:id", ...lordAction("herald", "update_template", UpdateTemplateBody, { params: TemplateParams }))
  .delete("/templates/:id", ...lordAction("herald", "delete_template", undefined, { params: TemplateParams }))
  .get("/notifications", ...lordQuery("herald", "list_notifications", ListNotificationsInput))
  .get("/outbox", ...lordQuery("herald", "list_outbox", OutboxInput));
