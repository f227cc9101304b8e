import type { Page } from 'playwright-core';

/** Unfolds the time-travel controls from the header's "Time travel" button, unless they are open already. */
export async function openTimeTravel(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Time travel', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByRole('slider', { name: 'Time travel' }).waitFor();
}

/** Chooses one of the open branch's actions ("Compare with reality", "Inject event", …) from its "Actions" menu. */
export async function branchAction(page: Page, name: string): Promise<void> {
  const branch = page.getByRole('region', { name: 'What-if branch', exact: true });
  const menu = branch.getByRole('button', { name: 'Actions', exact: true });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await branch.getByRole('button', { name, exact: true }).click();
}
