// Masks a value for display until the person re-verifies; emails keep the domain, others the last characters.

/** A masked form that shows enough to recognise the value, not enough to read it over a shoulder. */
export function maskValue(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value[0]}${'•'.repeat(Math.max(2, at - 1))}${value.slice(at)}`;
  const chars = [...value];
  if (chars.length <= 2) return '•'.repeat(chars.length);
  const keep = chars.length >= 8 ? 4 : 1;
  return `${'•'.repeat(chars.length - keep)}${chars.slice(-keep).join('')}`;
}
