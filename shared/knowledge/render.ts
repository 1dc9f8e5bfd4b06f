import type { KnowledgeDocument } from "./templates.ts";

/** A titled section of a rendered document; empty sections are left out. */
type Section = [heading: string, content: string | readonly string[] | undefined];

const bullets = (items: readonly string[]) => items.map((item) => `- ${item}`).join("\n");

/**
 * Renders a typed document as Markdown: the title as `#`, each filled field as a `##` section,
 * then the free-text body. Headings are what the chunker splits on, so a field's text stays with
 * its label ("Learnings", "Voice") in the chunk an agent later reads.
 */
export function renderDocument(title: string, document: KnowledgeDocument): string {
  const sections = sectionsOf(document);
  const parts = [`# ${title.trim()}`];
  for (const [heading, content] of sections) {
    if (content === undefined) continue;
    const rendered = typeof content === "string" ? content.trim() : bullets(content);
    if (rendered !== "") parts.push(`## ${heading}\n\n${rendered}`);
  }
  if (document.body) parts.push(document.body.trim());
  return parts.join("\n\n");
}

function sectionsOf(document: KnowledgeDocument): Section[] {
  switch (document.template) {
    case "campaign_performance":
      return [
        ["Campaign", document.campaign],
        ["Objective", document.objective],
        ["Channels", document.channels.join(", ")],
        ["Period", document.period ? `${document.period.start} to ${document.period.end}` : undefined],
        ["Metrics", document.metrics ? Object.entries(document.metrics).map(([k, n]) => `${k}: ${n}`) : undefined],
        ["Results", document.results],
        ["Learnings", document.learnings],
      ];
    case "brand_guidelines":
      return [
        ["Brand", document.brand],
        ["Voice", document.voice],
        ["Tone", document.tone.join(", ")],
        ["Visual standards", document.visual_standards],
        ["Colors", document.colors.join(", ")],
        ["Typography", document.typography],
        ["Messaging pillars", document.messaging_pillars],
        ["Do", document.do],
        ["Don't", document.dont],
      ];
    case "market_intelligence":
      return [
        ["Subject", `${document.subject} (${document.intelligence_type.replace(/_/g, " ")})`],
        ["Summary", document.summary],
        ["Insights", document.insights],
        ["Trends", document.trends],
        ["Competitors", document.competitors.join(", ")],
        ["Observed", document.observed_at],
        ["Source", document.source_url],
      ];
    case "best_practices":
      return [
        ["Practice", document.practice],
        ["When it applies", document.context],
        ["Steps", document.steps],
        ["Evidence", document.evidence],
        ["Pitfalls", document.pitfalls],
      ];
    case "organizational_knowledge":
      return [
        ["Topic", `${document.topic} (${document.kind})`],
        ["Description", document.description],
        ["Owners", document.owners.join(", ")],
        ["Steps", document.steps],
      ];
  }
}
