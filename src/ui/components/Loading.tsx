/** Shown while a screen's code loads (lazy screens; offline it comes from the service worker's cache). */
export function Loading({ what }: { what: string }) {
  return (
    <p className="screen-loading" role="status">
      Loading {what}…
    </p>
  );
}
