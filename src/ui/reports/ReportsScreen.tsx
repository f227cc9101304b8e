// PLACEHOLDER: being built (issue 4).
export function ReportsScreen() {
  return null;
}
