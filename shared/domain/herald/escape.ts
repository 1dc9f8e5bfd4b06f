const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const SLACK: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Escapes text for HTML element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** Escapes the three characters Slack mrkdwn treats as control characters (&, <, >). */
export function escapeSlack(text: string): string {
  return text.replace(/[&<>]/g, (c) => SLACK[c]!);
}
