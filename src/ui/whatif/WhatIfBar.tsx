// PLACEHOLDER: being built (issue 4).
export function WhatIfBar() {
  return null;
}
