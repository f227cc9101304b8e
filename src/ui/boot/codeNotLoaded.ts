/** The ledger's code (a chunk loaded after the first paint) did not arrive: the boot never reached the database. */
export class CodeNotLoadedError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'CodeNotLoadedError';
  }
}
