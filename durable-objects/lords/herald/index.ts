import type { LordModule } from "../capability.ts";
import { broadcastEvent } from "./broadcast-event.ts";
import { createTemplate } from "./create-template.ts";
import { deleteTemplate } from "./delete-template.ts";
import { formatMessage } from "./format-message.ts";
import { getCommunicationLog } from "./get-communication-log.ts";
import { getTemplate } from "./get-template.ts";
import { listNotifications } from "./list-notifications.ts";
import { listOutbox } from "./list-outbox.ts";
import { listSubscribers } from "./list-subscribers.ts";
import { listTemplates } from "./list-templates.ts";
import { manageSubscribers } from "./manage-subscribers.ts";
import { notifySubscribers } from "./notify-subscribers.ts";
import { sendNotification } from "./send-notification.ts";
import { updateTemplate } from "./update-template.ts";

/** The Herald (LORD-007): notifications over in-app, email, Slack and SMS, subscriptions, templates, broadcasts. */
export const capabilities: LordModule["capabilities"] = [
  sendNotification,
  manageSubscribers,
  formatMessage,
  broadcastEvent,
  getCommunicationLog,
  listSubscribers,
  createTemplate,
  listTemplates,
  getTemplate,
  updateTemplate,
  deleteTemplate,
  listNotifications,
  listOutbox,
];

/** The Herald tells subscribers about the events they chose. */
export const reactions: LordModule["reactions"] = [notifySubscribers];
