/**
 * Domain errors. Each carries the HTTP status and a stable `code` that clients may rely on;
 * `toErrorResponse` (functions/http.ts) is the only place that turns them into responses.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** The single input field at fault, when there is one. */
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    if (field !== undefined) this.field = field;
  }
}

/** An input field is missing, malformed or out of range. */
export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid_field';
  constructor(field: string, message: string) {
    super(message, field);
  }
}

/** The email's domain is on the campaign's blocked list (disposable-mail services, for example). */
export class EmailNotAcceptedError extends DomainError {
  readonly status = 400;
  readonly code = 'email_not_accepted';
  constructor() {
    super('This email provider is not accepted for this campaign. Please use a permanent address.', 'email');
  }
}

/** The request body is not JSON, or not an object. */
export class MalformedBodyError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid_json';
  constructor(message = 'The request body must be a JSON object.') {
    super(message, 'body');
  }
}

/** The request body is larger than the route accepts. */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly code = 'payload_too_large';
  constructor(limitBytes: number) {
    super(`The request body must be at most ${limitBytes} bytes.`, 'body');
  }
}

/** The request was not sent as application/json. */
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
  constructor() {
    super('Send the request body as application/json.', 'body');
  }
}

/** The signer chose a mission that does not exist or is not operating. */
export class UnknownMissionError extends DomainError {
  readonly status = 400;
  readonly code = 'unknown_mission';
  constructor() {
    super('Choose one of the listed missions.', 'missionId');
  }
}

/** Signing has closed: the dispatch time has passed or dispatch has begun. */
export class CampaignClosedError extends DomainError {
  readonly status = 409;
  readonly code = 'campaign_closed';
  constructor() {
    super('This campaign no longer accepts signatures: its letters have been, or are being, delivered.');
  }
}

/** A confirmation or removal token that does not match any letter, or was already used. */
export class InvalidTokenError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid_token';
  constructor(message = 'This link is not valid or has already been used.', field = 'token') {
    super(message, field);
  }
}

/** A confirmation token older than its expiry. */
export class TokenExpiredError extends DomainError {
  readonly status = 410;
  readonly code = 'token_expired';
  constructor() {
    super('This confirmation link has expired. Sign again to receive a new one.', 'token');
  }
}

/** A letter can no longer be removed because it has been handed to dispatch. */
export class AlreadyDispatchedError extends DomainError {
  readonly status = 409;
  readonly code = 'already_dispatched';
  constructor() {
    super('This letter has already been delivered and can no longer be withdrawn.');
  }
}

/** Too many requests from one network or for one address in a short time. */
export class RateLimitedError extends DomainError {
  readonly status = 429;
  readonly code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests from your network. Please try again in ${retryAfterSeconds} seconds.`);
  }
}

/** A dependency (store, mail service) failed; the caller may safely retry. */
export class TemporarilyUnavailableError extends DomainError {
  readonly status = 503;
  readonly code = 'temporarily_unavailable';
  constructor(message = 'The service is busy. Nothing was lost; please try again in a moment.') {
    super(message);
  }
}

/** The thing a route names (an action, a mission) does not exist. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = 'There is nothing here.', field?: string) {
    super(message, field);
  }
}

/** An action already has its five photos (or has been refused). */
export class PhotoLimitError extends DomainError {
  readonly status = 409;
  readonly code = 'photo_limit';
  constructor(max: number) {
    super(`An action can have at most ${max} photos.`, 'uploadToken');
  }
}
