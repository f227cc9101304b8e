// PLACEHOLDER: being built (issue 4).
export function AccountsScreen() {
  return null;
}
