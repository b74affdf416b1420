/** Number and list formatting for clinician-facing text (reasons, the SOAP objective). */

/** Rounds to one decimal, half away from zero, without binary surprises for values like 1.05. */
export function roundOneDecimal(value: number): number {
  const scaled = Math.round(Math.abs(value) * 10 + 1e-9) / 10;
  return value < 0 ? -scaled : scaled;
}

/** "72", "72.4": one decimal at most, no trailing ".0". */
export function formatOneDecimal(value: number): string {
  return String(roundOneDecimal(value));
}

/** "72%", "72.4%". */
export function formatPercent(value: number): string {
  return `${formatOneDecimal(value)}%`;
}

/** "a", "a and b", "a, b and c". */
export function joinList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "item 4" or "items 4, 7 and 12". */
export function itemList(numbers: readonly number[]): string {
  return numbers.length === 1 ? `item ${numbers[0]}` : `items ${joinList(numbers.map(String))}`;
}
