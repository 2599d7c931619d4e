/** Signing could not complete (a Sigstore service, the key or the token); the message is one line. */
export class SigningError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message.replace(/\s*\n\s*/g, ' '), options);
    this.name = 'SigningError';
  }
}
