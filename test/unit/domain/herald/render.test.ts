import { describe, expect, it } from "vitest";
import { DomainInputError } from "../../../../shared/domain/errors.ts";
import {
  checkTemplate,
  type MessageTemplate,
  renderTemplate,
  smsSize,
} from "../../../../shared/domain/herald/index.ts";

const template: MessageTemplate = {
  subject: "Campaign {{name}} launches {{launch}}",
  body: '<p>Hi {{name}}, budget {{budget}} — <a href="{{link}}">open</a></p>',
  variables: {
    name: { type: "string" },
    budget: { type: "number" },
    launch: { type: "date" },
    link: { type: "url" },
  },
};
const values = {
  name: 'Tom & "Jerry" <3',
  budget: 1250.5,
  launch: "2025-03-01T09:30:00Z",
  link: "https://x.io/c?a=1&b=2",
};

describe("renderTemplate", () => {
  it("HTML-escapes values for email but leaves the subject as plain text", () => {
    const m = renderTemplate(template, values, "email");
    expect(m.body).toBe(
      '<p>Hi Tom &amp; &quot;Jerry&quot; &lt;3, budget 1250.5 — <a href="https://x.io/c?a=1&amp;b=2">open</a></p>',
    );
    expect(m.subject).toBe('Campaign Tom & "Jerry" <3 launches 2025-03-01');
  });

  it("escapes only &, < and > for Slack mrkdwn", () => {
    const m = renderTemplate({ body: "*{{name}}*", variables: { name: { type: "string" } } }, values, "slack");
    expect(m.body).toBe('*Tom &amp; "Jerry" &lt;3*');
    expect(m.subject).toBeUndefined();
  });

  it("renders sms as plain text with its segment count", () => {
    const m = renderTemplate(
      {
        body: "{{name}}: {{when}}",
        variables: { name: { type: "string" }, when: { type: "date", style: "datetime" } },
      },
      { name: "A&B", when: new Date("2025-03-01T09:30:00Z") },
      "sms",
    );
    expect(m.body).toBe("A&B: 2025-03-01 09:30 UTC");
    expect(m.sms).toEqual({ encoding: "GSM-7", units: 25, segments: 1 });
  });

  it("keeps in-app text bodies raw and strips line breaks from subjects", () => {
    const m = renderTemplate(
      { subject: "{{name}}", body: "{{name}}", variables: { name: { type: "string" } }, inAppFormat: "text" },
      { name: "a<b\r\nBcc: x" },
      "in_app",
    );
    expect(m.body).toBe("a<b\r\nBcc: x");
    expect(m.subject).toBe("a<b Bcc: x");
  });

  it("names every missing or wrongly typed variable at once", () => {
    try {
      renderTemplate(template, { name: 42, budget: "12", link: "javascript:alert(1)" }, "email");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainInputError);
      const err = e as DomainInputError;
      expect(err.field).toBe("variables");
      expect(err.issues).toEqual([
        { field: "variables.name", message: "expected string, got number 42" },
        { field: "variables.budget", message: 'expected number, got string "12"' },
        { field: "variables.launch", message: "is required but missing" },
        { field: "variables.link", message: 'expected url, got string "javascript:alert(1)"' },
      ]);
    }
  });

  it("renders optional variables as empty and rejects undeclared placeholders", () => {
    const optional = { body: "Hi{{ suffix }}", variables: { suffix: { type: "string" as const, required: false } } };
    expect(renderTemplate(optional, {}, "sms").body).toBe("Hi");
    expect(() => renderTemplate({ body: "{{who}} {{constructor}}", variables: {} }, {}, "email")).toThrow(
      "template.body: uses undeclared variables: who, constructor",
    );
  });

  it("rejects sms bodies over the segment limit", () => {
    const long = { body: "{{text}}", variables: { text: { type: "string" as const } } };
    // 307 GSM characters: 153 + 153 + 1 → 3 segments.
    expect(() => renderTemplate(long, { text: "a".repeat(307) }, "sms", { smsMaxSegments: 2 })).toThrow(
      "body: sms message needs 3 segments (GSM-7), limit is 2",
    );
  });
});

describe("checkTemplate", () => {
  it("accepts a consistent template and rejects undeclared placeholders or unknown types before any send", () => {
    expect(() => checkTemplate(template)).not.toThrow();
    expect(() => checkTemplate({ subject: "{{who}}", body: "ok", variables: {} })).toThrow(
      "template.subject: uses undeclared variables: who",
    );
    expect(() => checkTemplate({ body: "{{n}}", variables: { n: { type: "money" as never } } })).toThrow(
      "template.variables.n: type must be one of string, number, date, url",
    );
  });
});

describe("smsSize", () => {
  it("counts GSM-7 septets, extension characters twice", () => {
    expect(smsSize("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSize("a".repeat(161)).segments).toBe(2); // 153 + 8
    expect(smsSize("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    // 152 septets then an escape pair: the pair does not fit in 153, so it opens part two.
    expect(smsSize(`${"a".repeat(152)}€${"a".repeat(10)}`).segments).toBe(2);
  });

  it("switches to UCS-2 outside the GSM alphabet", () => {
    expect(smsSize("ü".repeat(70)).encoding).toBe("GSM-7"); // ü is in the GSM alphabet
    expect(smsSize("ł".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(smsSize("ł".repeat(71)).segments).toBe(2); // 67 + 4
    expect(smsSize("😀")).toEqual({ encoding: "UCS-2", units: 2, segments: 1 }); // a surrogate pair
  });
});
