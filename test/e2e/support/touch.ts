import type { Page } from 'playwright-core';

/** Finger-sized: the smallest target WCAG 2.5.5 and the platforms' guidelines ask for. */
export const MIN_TARGET = 44;

/**
 * Every visible interactive element smaller than a fingertip, as "tag 'name' w×h". A checkbox or radio
 * counts as its label (the label is the target a person taps). Elements hidden from sight (visually
 * hidden text, closed panels) are not targets.
 */
export function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const selector = 'a[href], button, input, select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
      const rect = target.getBoundingClientRect();
      const style = getComputedStyle(target);
      if (rect.width <= 1 || rect.height <= 1 || style.visibility === 'hidden' || target.closest('[inert]')) continue;
      if (el.closest('.skip-link') && rect.bottom < 0) continue;
      if (rect.width < min - 0.5 || rect.height < min - 0.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        small.push(`${el.tagName.toLowerCase()} '${name}' ${Math.round(rect.width)}×${Math.round(rect.height)}`);
      }
    }
    return small;
  }, min);
}
