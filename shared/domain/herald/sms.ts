// GSM 03.38 default alphabet (one septet each) and its extension table (escape + char: two septets each).
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");

/** How an SMS body is encoded and how many segments it takes. */
export interface SmsSize {
  encoding: "GSM-7" | "UCS-2";
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
}

/**
 * Segments per 3GPP TS 23.038/23.040: GSM-7 fits 160 septets in one message or 153 per part of a concatenated
 * one; anything outside the GSM alphabet forces UCS-2 at 70 units, or 67 per part. Parts are packed greedily without
 * splitting an escape pair or a surrogate pair, as carriers do.
 */
export function smsSize(text: string): SmsSize {
  const chars = Array.from(text);
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c));
  const sizes = chars.map((c) => (gsm ? (GSM_EXTENDED.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((a, s) => a + s, 0);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  if (units <= single) return { encoding: gsm ? "GSM-7" : "UCS-2", units, segments: units === 0 ? 0 : 1 };
  let segments = 1;
  let used = 0;
  for (const s of sizes) {
    if (used + s > part) {
      segments++;
      used = 0;
    }
    used += s;
  }
  return { encoding: gsm ? "GSM-7" : "UCS-2", units, segments };
}
