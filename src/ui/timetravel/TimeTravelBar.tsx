// PLACEHOLDER: being built (issue 4).
export function TimeTravelBar() {
  return null;
}
