const UNITS = [
  { unit: 'byte', size: 1 },
  { unit: 'kilobyte', size: 1e3 },
  { unit: 'megabyte', size: 1e6 },
  { unit: 'gigabyte', size: 1e9 },
  { unit: 'terabyte', size: 1e12 },
] as const;

/** "1.2 MB": decimal units, as browsers and operating systems report storage. */
export function formatBytes(bytes: number, locale?: string): string {
  const chosen = [...UNITS].reverse().find((u) => Math.abs(bytes) >= u.size) ?? UNITS[0];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: chosen.unit,
    // "5 byte" is what the short form gives for bytes.
    unitDisplay: chosen.size === 1 ? 'long' : 'short',
    maximumFractionDigits: chosen.size === 1 ? 0 : 1,
  }).format(bytes / chosen.size);
}
