/**
 * Error classes shared by more than one part of the product, kept in one module so that an
 * `instanceof` check anywhere means the same thing everywhere.
 */

/**
 * A request we must not answer: not an Alexa request, not for this skill, or (at the self-hosted
 * endpoint) not provably sent by Alexa. `reason` is ours — never any of the input — so it is safe to log.
 * The Lambda fails the invocation; the endpoint answers 400.
 */
export class RequestRefusedError extends Error {
  override readonly name = 'RequestRefusedError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The self-hosted endpoint was asked to start in a configuration it considers unsafe or incomplete. */
export class ServeConfigError extends Error {
  override readonly name = 'ServeConfigError';
}
