/** Formats an amount in minor units (cents) as a decimal string, e.g. 12345 → "123.45". */
export function formatMinorUnits(amount: number, decimals = 2): string {
  if (!Number.isInteger(amount)) {
    throw new TypeError(`amount must be an integer, got ${amount}`);
  }
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(decimals + 1, '0');
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
