// PLACEHOLDER: being built (issue 4).
export function DataScreen() {
  return null;
}
