/**
 * Every error the product names, in one module, so that an `instanceof` check anywhere means the same
 * thing everywhere. Each says what failed, never an id, a token, a date or speech.
 */

// Requests and the self-hosted endpoint
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

// The store
/** The store could not answer (down, slow, throttled): tell the user to try again, never treat it as "no data". */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** Another request changed the profile between our read and our write. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
}

/**
 * A stored record we cannot read safely (unknown schema, broken treatment date). It is a
 * StoreUnavailableError so handlers apologize instead of treating it as "no data" and overwriting it.
 */
export class CorruptProfileError extends StoreUnavailableError {
  constructor(message: string) {
    super(message);
    // The base class pins `name` to its own literal type; the instance still reports its real class.
    Object.defineProperty(this, 'name', { value: 'CorruptProfileError' });
  }
}

// Alexa service APIs
/** A service API call that failed: its HTTP status (0 when there was no answer). */
export class AlexaApiError extends Error {
  override readonly name = 'AlexaApiError';
  constructor(
    message: string,
    /** HTTP status, or 0 when there was no answer (timeout, connection refused). */
    readonly status: number,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** Why a reminders call failed, as the dialogue speaks it. */
export type ReminderFailure =
  /** 401, or 403 other than the two below: the patient has not granted (or has withdrawn) the permission. */
  | 'noPermission'
  /** 403 DEVICE_NOT_SUPPORTED: this device cannot do reminders. */
  | 'deviceUnsupported'
  /** 403 MAX_REMINDERS_EXCEEDED: Alexa's limit on reminders is reached. */
  | 'limitReached'
  /** 404: the alert is gone (deleted in the app, or expired). */
  | 'notFound'
  /** Another 4xx: Alexa refused the payload. */
  | 'rejected'
  /** 429 or 5xx, still after the one retry. */
  | 'unavailable'
  /** No answer within the call's deadline (or no connection). */
  | 'timeout'
  /** Not attempted: the request's time budget is spent. */
  | 'outOfTime'
  /** Not attempted: neither the device nor the profile could say the patient's zone; a guess would ring at the wrong hour. */
  | 'zoneUnknown'
  /** Not attempted: another request was changing this person's reminders (its lease held) the whole time we could wait. */
  | 'busy';

/** A Reminders API call that failed, with a `failure` the dialogue can speak. */
export class RemindersApiError extends Error {
  override readonly name = 'RemindersApiError';
  constructor(
    readonly failure: ReminderFailure,
    /** HTTP status, 0 when there was no answer. */
    readonly status: number,
    /** Alexa's error code from the body, when it sent one. */
    readonly code?: string,
  ) {
    super(`reminders API: ${failure}${status ? ` (${status}${code ? ` ${code}` : ''})` : ''}`);
  }
}

// The protocol file
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

// The skill's events
/** The account's data could not be deleted: the invocation must fail visibly, never look like success. */
export class AccountNotDeletedError extends Error {
  override readonly name = 'AccountNotDeletedError';
}

// The add-on's tokens
/** Any reason a token is refused; the message names the check, never the token or a subject. */
export class TokenRefusedError extends Error {
  override readonly name = 'TokenRefusedError';
}
