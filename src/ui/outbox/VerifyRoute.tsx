// PLACEHOLDER: being built (issue 4).
export function VerifyRoute() {
  return null;
}
