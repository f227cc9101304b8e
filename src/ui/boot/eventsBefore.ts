/** Which events a damaged one leaves readable before it, in words: "events 1 to 299". */
export function eventsBefore(seq: number): string | undefined {
  if (seq <= 1) return undefined;
  return seq === 2 ? 'event 1' : `events 1 to ${seq - 1}`;
}
