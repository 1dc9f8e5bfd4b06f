export { escapeHtml, escapeSlack } from "./escape.ts";
export {
  checkTemplate,
  DEFAULT_SMS_MAX_SEGMENTS,
  type MessageTemplate,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type RenderedMessage,
  renderTemplate,
} from "./render.ts";
export { type SmsSize, smsSize } from "./sms.ts";
export { VARIABLE_TYPES, type VariableSpec, type VariableType } from "./variables.ts";
