import { LogFileError } from '../../files/index.ts';

/** An export or import failure in words; a file problem's message already names its line. */
export function describeFileError(error: unknown): string {
  if (error instanceof LogFileError) return error.message;
  if (error instanceof Error) return `${error.message}`;
  return String(error);
}

const sizeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat();

export function formatCount(n: number): string {
  return countFormat.format(n);
}

export function formatMegabytes(bytes: number): string {
  return `${sizeFormat.format(bytes / 1_000_000)} MB`;
}
