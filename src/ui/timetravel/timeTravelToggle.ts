import { create } from 'zustand';

/** The header's "Time travel" button: the panel's opener, and where the focus goes when the banner leaves. */
export const TIME_TRAVEL_BUTTON_ID = 'time-travel-button';
export const TIME_TRAVEL_PANEL_ID = 'time-travel-panel';

/** The button as a ref, for useEscapeToClose: it is looked up when needed, as the header renders it apart from the panel. */
export const timeTravelButton = {
  get current(): HTMLElement | null {
    return document.getElementById(TIME_TRAVEL_BUTTON_ID);
  },
};

/** Whether the time-travel panel is unfolded; the header's button and the panel share it. */
export const useTimeTravelPanel = create<{ open: boolean }>(() => ({ open: false }));

export function setTimeTravelPanel(open: boolean): void {
  useTimeTravelPanel.setState({ open });
}

export function focusTimeTravelButton(): void {
  timeTravelButton.current?.focus();
}
