// PLACEHOLDER: being built (issue 4).
export function AccountScreen({ number }: { number: string }) {
  return <h1>{number}</h1>;
}
