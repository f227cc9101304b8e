import type { Locator } from 'playwright-core';

/**
 * The problem a control shows: the text of the first element its aria-describedby names (the message under
 * the field, or in the form's summary for a control without its own), '' when it has none.
 */
export async function problemOf(control: Locator): Promise<string> {
  if ((await control.getAttribute('aria-invalid')) !== 'true') return '';
  const [id] = (await control.getAttribute('aria-describedby'))?.split(' ') ?? [];
  if (!id) return '';
  return (await control.page().locator(`[id="${id}"]`).textContent())?.trim() ?? '';
}

/** The name attribute of the focused element: where the keyboard is. */
export function focusedName(control: Locator): Promise<string | null> {
  return control.page().evaluate(() => document.activeElement?.getAttribute('name') ?? null);
}

/** Whether the control's problem is right under it: the message follows it inside the same field. */
export function problemIsUnder(control: Locator): Promise<boolean> {
  return control.evaluate((input) => {
    const id = input.getAttribute('aria-describedby')?.split(' ')[0];
    const message = id ? document.getElementById(id) : null;
    return message !== null && message.parentElement === input.parentElement && message.previousElementSibling === input;
  });
}
