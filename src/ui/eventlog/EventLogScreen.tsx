// PLACEHOLDER: being built (issue 4).
export function EventLogScreen() {
  return null;
}
