import type {
  events,
  interfaces,
  IntentRequest,
  LaunchRequest,
  RequestEnvelope,
  Session,
  SessionEndedReason,
  SessionEndedRequest,
  Slot,
  SupportedInterfaces,
} from 'ask-sdk-model';

/**
 * Request envelopes shaped like the ones Alexa sends, for tests and the local simulator.
 * Everything has a sensible default; a test overrides only what it is about.
 */
export interface EnvelopeOptions {
  readonly userId?: string;
  /** A recognized voice profile; `context.System.person` is present only when this is given. */
  readonly personId?: string;
  readonly deviceId?: string;
  readonly apiEndpoint?: string;
  readonly apiAccessToken?: string;
  readonly applicationId?: string;
  /** ISO instant of the request (Alexa's clock); defaults to now. */
  readonly timestamp?: string;
  readonly locale?: string;
  readonly requestId?: string;
  readonly sessionId?: string;
  /** True (the default) for the first request of a session. */
  readonly newSession?: boolean;
  /** Attributes the skill returned on the previous turn of this session. */
  readonly sessionAttributes?: Record<string, unknown>;
  readonly supportedInterfaces?: SupportedInterfaces;
}

export const ENVELOPE_DEFAULTS = {
  userId: 'amzn1.ask.account.TEST-USER',
  deviceId: 'amzn1.ask.device.TEST-DEVICE',
  apiEndpoint: 'https://api.amazonalexa.com',
  apiAccessToken: 'test-api-access-token',
  applicationId: 'amzn1.ask.skill.test',
  locale: 'en-US',
  sessionId: 'amzn1.echo-api.session.TEST-SESSION',
} as const;

let requestCounter = 0;
const nextRequestId = () => `amzn1.echo-api.request.${++requestCounter}`;
const nowInstant = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function context(o: EnvelopeOptions): RequestEnvelope['context'] {
  return {
    System: {
      application: { applicationId: o.applicationId ?? ENVELOPE_DEFAULTS.applicationId },
      user: { userId: o.userId ?? ENVELOPE_DEFAULTS.userId },
      device: { deviceId: o.deviceId ?? ENVELOPE_DEFAULTS.deviceId, supportedInterfaces: o.supportedInterfaces ?? {} },
      ...(o.personId !== undefined ? { person: { personId: o.personId } } : {}),
      apiEndpoint: o.apiEndpoint ?? ENVELOPE_DEFAULTS.apiEndpoint,
      apiAccessToken: o.apiAccessToken ?? ENVELOPE_DEFAULTS.apiAccessToken,
    },
  };
}

function session(o: EnvelopeOptions): Session {
  const isNew = o.newSession ?? true;
  return {
    new: isNew,
    sessionId: o.sessionId ?? ENVELOPE_DEFAULTS.sessionId,
    application: { applicationId: o.applicationId ?? ENVELOPE_DEFAULTS.applicationId },
    user: { userId: o.userId ?? ENVELOPE_DEFAULTS.userId },
    // Alexa sends no attributes on the first request of a session.
    ...(!isNew || o.sessionAttributes ? { attributes: { ...o.sessionAttributes } } : {}),
  };
}

const common = (o: EnvelopeOptions) => ({
  requestId: o.requestId ?? nextRequestId(),
  timestamp: o.timestamp ?? nowInstant(),
  locale: o.locale ?? ENVELOPE_DEFAULTS.locale,
});

const inSession = (o: EnvelopeOptions, request: RequestEnvelope['request']): RequestEnvelope => ({
  version: '1.0',
  session: session(o),
  context: context(o),
  request,
});
/** Skill events arrive outside any session. */
const outOfSession = (o: EnvelopeOptions, request: RequestEnvelope['request']): RequestEnvelope => ({
  version: '1.0',
  context: context(o),
  request,
});

export function launchRequest(o: EnvelopeOptions = {}): RequestEnvelope {
  const request: LaunchRequest = { type: 'LaunchRequest', ...common(o) };
  return inSession(o, request);
}

/** Slots may be given as plain values ("2026-11-20") or as full Slot objects (with resolutions). */
export type SlotInput = string | Slot | undefined;

export function intentRequest(
  name: string,
  slots: Record<string, SlotInput> = {},
  o: EnvelopeOptions & { readonly dialogState?: IntentRequest['dialogState'] } = {},
): RequestEnvelope {
  const full: Record<string, Slot> = {};
  for (const [slotName, input] of Object.entries(slots)) {
    full[slotName] =
      typeof input === 'string'
        ? { name: slotName, value: input, confirmationStatus: 'NONE' }
        : (input ?? { name: slotName, confirmationStatus: 'NONE' });
  }
  // dialogState is only sent for intents with a dialog model; the SDK type insists on it, Alexa does not.
  const request = {
    type: 'IntentRequest',
    ...common(o),
    ...(o.dialogState ? { dialogState: o.dialogState } : {}),
    intent: { name, confirmationStatus: 'NONE', slots: full },
  } as IntentRequest;
  return inSession(o, request);
}

export function sessionEndedRequest(
  reason: SessionEndedReason = 'USER_INITIATED',
  o: EnvelopeOptions = {},
  error?: SessionEndedRequest['error'],
): RequestEnvelope {
  const request: SessionEndedRequest = { type: 'SessionEndedRequest', ...common(o), reason, ...(error ? { error } : {}) };
  return inSession({ ...o, newSession: o.newSession ?? false }, request);
}

export function skillDisabledEvent(o: EnvelopeOptions = {}): RequestEnvelope {
  const c = common(o);
  const request: events.skillevents.SkillDisabledRequest = {
    type: 'AlexaSkillEvent.SkillDisabled',
    ...c,
    eventCreationTime: c.timestamp,
    eventPublishingTime: c.timestamp,
  };
  return outOfSession(o, request);
}

const permissionBody = (scopes: readonly string[], o: EnvelopeOptions): events.skillevents.PermissionBody => ({
  acceptedPermissions: scopes.map((scope) => ({ scope })),
  ...(o.personId !== undefined ? { acceptedPersonPermissions: scopes.map((scope) => ({ scope })) } : {}),
});

/** The user granted permissions in the Alexa app (e.g. ['alexa::alerts:reminders:skill:readwrite']). */
export function permissionAcceptedEvent(scopes: readonly string[], o: EnvelopeOptions = {}): RequestEnvelope {
  const request: events.skillevents.PermissionAcceptedRequest = {
    type: 'AlexaSkillEvent.SkillPermissionAccepted',
    ...common(o),
    body: permissionBody(scopes, o),
  };
  return outOfSession(o, request);
}

/** The user changed permissions; `scopes` are the ones still accepted (may be empty). */
export function permissionChangedEvent(scopes: readonly string[], o: EnvelopeOptions = {}): RequestEnvelope {
  const request: events.skillevents.PermissionChangedRequest = {
    type: 'AlexaSkillEvent.SkillPermissionChanged',
    ...common(o),
    body: permissionBody(scopes, o),
  };
  return outOfSession(o, request);
}

export type PermissionAnswer = 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED';

export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

/** Alexa's answer to the skill's voice permission request (Connections.SendRequest "AskFor"), inside the session. */
export function connectionsResponse(
  answer: { permissionScope?: string; status: PermissionAnswer; token?: string },
  o: EnvelopeOptions = {},
): RequestEnvelope {
  const request: interfaces.connections.ConnectionsResponse = {
    type: 'Connections.Response',
    ...common(o),
    name: 'AskFor',
    status: { code: '200', message: 'OK' },
    payload: { permissionScope: answer.permissionScope ?? REMINDERS_SCOPE, status: answer.status },
    ...(answer.token !== undefined ? { token: answer.token } : {}),
  };
  return inSession({ ...o, newSession: o.newSession ?? false }, request);
}
