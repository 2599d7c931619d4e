/** A usage problem: the message names the flag or argument and the fix. Exit code 1 (2 for bad usage of flags). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
