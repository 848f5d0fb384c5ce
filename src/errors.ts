// The one error catalogue: every refusal the platform gives has a stable code here.
// docs/errors.md is checked against this list by errors.test.ts.

/** One catalogue entry: HTTP status and a short human title. */
export interface ErrorSpec {
  status: number;
  title: string;
}

/** Every stable error code, with its HTTP status and title. */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  BODY_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'The content type is not supported' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  NOT_FOUND: { status: 404, title: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, title: 'No such route' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  UNAUTHENTICATED: { status: 401, title: 'Authentication is required' },
  FORBIDDEN: { status: 403, title: 'This principal may not do this' },
  CONFLICT: { status: 409, title: 'The request conflicts with the current state' },
  INTERNAL: { status: 500, title: 'Internal error' },
  REGISTRY_INVALID: { status: 422, title: 'The registry is not valid' },
  REGISTRY_YAML: { status: 422, title: 'The registry is not well-formed YAML' },
  REGISTRY_UNKNOWN_KEY: { status: 422, title: 'The registry has a key the schema does not know' },
  REGISTRY_DANGLING_REF: { status: 422, title: 'The registry refers to an id that does not exist' },
  REGISTRY_DUPLICATE_ID: { status: 422, title: 'The registry declares an id twice' },
  REGISTRY_MISSING_LABEL: { status: 422, title: 'A label is missing for a declared language' },
  REGISTRY_BAD_DURATION: { status: 422, title: 'A duration is not an ISO 8601 duration' },
  REGISTRY_VERSION_EXISTS: { status: 409, title: 'This registry version is already published' },
  REGISTRY_NOT_PUBLISHED: { status: 404, title: 'No registry version is published yet' },
  REGISTRY_LINT_ERRORS: { status: 422, title: 'The registry has lint errors; publish needs an override with a reason' },
  KEY_NOT_FOUND: { status: 404, title: 'No such API key' },
  KEY_PURPOSE_UNKNOWN: { status: 422, title: 'An API key names a purpose the registry does not declare' },
  WEBHOOK_NOT_FOUND: { status: 404, title: 'No such webhook' },
  SUBJECT_INVALID: { status: 422, title: 'The subject does not fit the registry' },
  PURPOSE_UNKNOWN: { status: 422, title: 'The purpose is not declared in the current registry' },
  RECIPIENT_UNKNOWN: { status: 422, title: 'The recipient is not declared for this purpose' },
  PURPOSE_NOT_FOR_ROLE: { status: 422, title: "The purpose does not apply to the subject's role" },
  CONSENT_INVALID_ACTION: { status: 422, title: 'This action is not valid consent' },
  CONSENT_KIND_INSUFFICIENT: { status: 422, title: 'The law requires a stronger kind of consent' },
  CONSENT_GUARDIAN_REQUIRED: { status: 422, title: "A guardian's consent is required" },
  CONSENT_NOT_APPLICABLE: { status: 422, title: 'This processing does not rest on consent' },
  CONSENT_BUNDLED: { status: 422, title: 'Optional consent cannot be bundled with a required purpose' },
  CONSENT_NOTICE_OUTDATED: { status: 409, title: 'The notice shown is not of the current registry version' },
  PERMISSION_UNKNOWN: { status: 422, title: 'The device permission is not declared in the registry' },
  RECEIPT_INVALID: { status: 422, title: 'The consent receipt does not verify' },
  VAULT_VALUE_INVALID: { status: 422, title: 'A value does not pass the check of its identifier kind' },
  VAULT_CATEGORY_UNKNOWN: { status: 422, title: 'The category is not declared in the registry' },
  VAULT_TAMPERED: { status: 500, title: 'A stored value failed its integrity check' },
  VAULT_KEY_UNAVAILABLE: { status: 500, title: 'The key of a stored value is not available' },
  ACCESS_DENIED: { status: 403, title: 'The decision engine denied this read' },
  SHARE_NOT_DECLARED: { status: 422, title: 'The registry does not declare this recipient for this purpose and category' },
  SHARE_NEEDS_CONSENT: { status: 409, title: 'Sharing needs a separate consent naming the recipient' },
  SHARE_NO_TRANSFER_MECHANISM: { status: 422, title: 'A cross-border transfer needs its legal mechanism' },
  SHARE_EXPORT_LIMIT: { status: 409, title: 'The yearly cross-border export threshold of the mechanism is reached' },
  AGGREGATE_HAS_IDENTIFIERS: { status: 422, title: 'An aggregate to share still holds identifiers' },
  AGGREGATE_NOT_ANONYMOUS: { status: 422, title: 'An aggregate to share has groups smaller than k' },
  DATA_DIR_LOCKED: { status: 500, title: 'The data directory is in use by another process' },
  DATABASE_BUSY: { status: 503, title: 'The embedded database stayed busy too long' },
  DATA_DIR_DAMAGED: { status: 500, title: 'The data directory is damaged' },
  AUDIT_CHAIN_BROKEN: { status: 500, title: 'The audit chain does not verify' },
  RIGHTS_TYPE_UNKNOWN: { status: 422, title: 'The request type is not one Custodia handles' },
  RIGHTS_REQUEST_OPEN: { status: 409, title: 'A request of this kind is already open for this person' },
  RIGHTS_REQUEST_STATE: { status: 409, title: 'The request is not in a state that allows this' },
  RIGHTS_PROOF_REQUIRED: { status: 422, title: 'A request by an agent or relative needs a proof reference' },
  RIGHTS_EXTENSION_REFUSED: { status: 422, title: 'The deadline cannot be extended for this request' },
  RIGHTS_EXPORT_NOT_READY: { status: 409, title: 'The export of this request is not ready' },
  RIGHTS_CODE_INVALID: { status: 422, title: 'The code is not valid for this contact' },
  RIGHTS_CODE_EXPIRED: { status: 410, title: 'The code has expired; ask for a new one' },
  RIGHTS_CODE_USED: { status: 409, title: 'The code was already used; ask for a new one' },
  RIGHTS_CODE_LOCKED: { status: 429, title: 'Too many wrong codes; ask for a new one' },
  RIGHTS_SESSION_INVALID: { status: 401, title: 'The privacy-center session is missing, expired or not valid' },
  CONNECTOR_FAILED: { status: 502, title: 'A connector to a company database failed; the detail names the connector' },
  ADM_PURPOSE_INVALID: { status: 422, title: 'The purpose does not declare automated decision-making' },
  ADM_INPUT_PERSONAL: { status: 422, title: 'A decision input summary contains a personal identifier' },
  HOLD_INVALID: { status: 422, title: 'The legal hold names a subject or category that does not exist' },
  HOLD_NOT_ACTIVE: { status: 409, title: 'The legal hold is already released' },
  INCIDENT_INVALID: { status: 422, title: 'The incident does not fit the registry' },
  INCIDENT_NOT_SCOPED: { status: 409, title: 'The incident has no affected people yet; scope it first' },
} as const satisfies Record<string, ErrorSpec>;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof ERRORS;

/** One problem inside an error, located by a path (request field or registry path). */
export interface ErrorDetail {
  path: string;
  message: string;
  code?: string;
  line?: number;
  col?: number;
}

/** An error the platform means to show: it carries a catalogue code and never personal values. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly rule?: string;

  constructor(code: ErrorCode, message?: string, opts: { details?: ErrorDetail[]; rule?: string; cause?: unknown } = {}) {
    super(message ?? ERRORS[code].title, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = opts.details ?? [];
    this.rule = opts.rule;
  }
}

/** True when the value is an AppError (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError');
}
