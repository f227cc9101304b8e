/** "1234567812345678" → "1234 5678 1234 5678": easier to read aloud and to compare. */
export function formatAccountNumber(number: string): string {
  return number.replace(/(\d{4})(?=\d)/g, '$1 ');
}
