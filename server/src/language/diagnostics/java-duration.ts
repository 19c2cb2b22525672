// Durations as Kestra reads them (the parsers live with the schema formats) and a hint for messages.
export { parseJacksonDuration, parseJavaDuration } from '../../flow/schema-validation-formats';

/** Why a string is not a Java duration, phrased for a message. */
export function durationHint(text: string): string {
  if (/^P.*[YW]/i.test(text) || /^P(\d+M)/i.test(text)) {
    return 'Java durations count days, hours, minutes and seconds only (no years, months or weeks), e.g. `P30D`';
  }
  return 'use ISO-8601, e.g. `PT30S`, `PT5M`, `PT1H` or `P1D`';
}
