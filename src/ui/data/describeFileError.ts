/** An export or import failure in words; a file problem's message already names its line. */
export function describeFileError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
