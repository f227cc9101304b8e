/**
 * Resolves after the next frame is painted (in the task that follows it), so
 * work started then does not hold back what that frame shows; at once where no
 * frame will come (a hidden tab, tests).
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (typeof document !== 'undefined' && document.visibilityState === 'visible' && typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  });
}
