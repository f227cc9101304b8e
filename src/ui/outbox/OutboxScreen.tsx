// PLACEHOLDER: being built (issue 4).
export function OutboxScreen() {
  return null;
}
