import type { CDPSession, Page } from 'playwright-core';

/** A mid-range phone: a 390 x 844 CSS-pixel screen at 3x, touch, and a CPU a quarter as fast as this machine's. */
export const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, cpuSlowdown: 4 } as const;

export interface PhoneProfile {
  /** The screen the page reports under the profile, checked when it was applied. */
  shown: { width: number; height: number; devicePixelRatio: number; touchPoints: number };
  /** Ends the emulation and the throttling (they last as long as the DevTools session). */
  release(): Promise<void>;
}

/**
 * Makes `page` a phone through the DevTools protocol: the screen metrics with
 * mobile layout (meta viewport honoured), touch support, and the CPU slowed
 * `cpuSlowdown` times. Works on any page, a persistent profile's too, whose
 * context options are fixed at launch. Checks the page sees it, so a profile
 * that did not apply cannot pass for one that did.
 */
export async function applyPhoneProfile(page: Page, cpuSlowdown: number = PHONE.cpuSlowdown): Promise<PhoneProfile> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: PHONE.width,
      height: PHONE.height,
      deviceScaleFactor: PHONE.deviceScaleFactor,
      mobile: true,
      screenWidth: PHONE.width,
      screenHeight: PHONE.height,
    });
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    // The screen, not the window: a page without a meta viewport (about:blank) lays out 980 px wide on a phone.
    const shown = await page.evaluate(() => ({
      width: window.screen.width,
      height: window.screen.height,
      devicePixelRatio: window.devicePixelRatio,
      touchPoints: navigator.maxTouchPoints,
    }));
    if (shown.width !== PHONE.width || shown.devicePixelRatio !== PHONE.deviceScaleFactor)
      throw new Error(`The phone profile did not apply: the page's screen is ${shown.width} px wide at ${shown.devicePixelRatio}x.`);
    return { shown, release: () => cdp.detach() };
  } catch (error) {
    await cdp.detach().catch(() => undefined);
    throw error;
  }
}
