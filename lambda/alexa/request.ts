import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest, Slot } from 'ask-sdk-model';
import type { SpokenTreatmentDate } from '../domain/spokenDate';
import type { ProfileKey } from '../store/types';

/**
 * Typed readers over the request envelope. They return `string | undefined` and never throw on a
 * malformed envelope (a fuzzed request must still get an answer).
 */
export const requestType = (input: HandlerInput): string => {
  const type = (input.requestEnvelope?.request as { type?: unknown } | undefined)?.type;
  return typeof type === 'string' ? type : '';
};

/** Requests someone is listening to (they get speech); events and session ends do not. */
export const isSpokenRequest = (type: string): boolean =>
  type === 'LaunchRequest' || type === 'IntentRequest' || type === 'Connections.Response' || type === 'Alexa.Presentation.APL.UserEvent';

export const intentName = (input: HandlerInput): string | undefined => {
  if (requestType(input) !== 'IntentRequest') return undefined;
  const name = (input.requestEnvelope.request as IntentRequest).intent?.name;
  return typeof name === 'string' ? name : undefined;
};

export const isIntent = (input: HandlerInput, ...names: string[]): boolean => {
  const name = intentName(input);
  return name !== undefined && names.includes(name);
};

function slot(input: HandlerInput, name: string): Slot | undefined {
  if (requestType(input) !== 'IntentRequest') return undefined;
  const slots = (input.requestEnvelope.request as IntentRequest).intent?.slots;
  if (!slots || typeof slots !== 'object') return undefined;
  const s = (slots as Record<string, Slot | undefined>)[name];
  return s && typeof s === 'object' ? s : undefined;
}

/** The slot's spoken value, trimmed and bounded in length, or undefined when empty. */
export function slotValue(input: HandlerInput, name: string): string | undefined {
  const value = slot(input, name)?.value;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().slice(0, 200);
  return trimmed === '' ? undefined : trimmed;
}

/** The entity-resolution id of a custom slot when Alexa matched one of our values. */
export function slotResolvedId(input: HandlerInput, name: string): string | undefined {
  const authorities = slot(input, name)?.resolutions?.resolutionsPerAuthority;
  if (!Array.isArray(authorities)) return undefined;
  for (const authority of authorities) {
    if (authority?.status?.code !== 'ER_SUCCESS_MATCH') continue;
    const id = authority.values?.[0]?.value?.id;
    if (typeof id === 'string') return id;
  }
  return undefined;
}

/** A treatment date as the model hands it over: the AMAZON.DATE slot, or a weekday said alone (its own slot). */
export function spokenTreatmentDate(input: HandlerInput): SpokenTreatmentDate {
  const time = slotValue(input, 'time');
  return {
    date: slotValue(input, 'date'),
    weekday: slotResolvedId(input, 'weekday') ?? slotValue(input, 'weekday'),
    // "Next Friday": a weekday said as still to come has its own intent.
    ...(isIntent(input, 'ComingDayIntent') && { ahead: true }),
    ...(time !== undefined && { time }),
  };
}

/** Storage key: the recognized speaker when Alexa knows them, else the account. */
export function profileKey(input: HandlerInput): ProfileKey | undefined {
  const system = input.requestEnvelope?.context?.System;
  const userId = system?.user?.userId ?? input.requestEnvelope?.session?.user?.userId;
  if (typeof userId !== 'string' || userId === '') return undefined;
  const personId = system?.person?.personId;
  return typeof personId === 'string' && personId !== '' ? { userId, personId } : { userId };
}

export interface ApiAccess {
  readonly apiEndpoint?: string;
  readonly apiAccessToken?: string;
  readonly deviceId?: string;
}

export function apiAccess(input: HandlerInput): ApiAccess {
  const system = input.requestEnvelope?.context?.System;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { apiEndpoint: str(system?.apiEndpoint), apiAccessToken: str(system?.apiAccessToken), deviceId: str(system?.device?.deviceId) };
}

/** The request's own instant (Alexa's clock), or undefined when missing or unparseable. */
export function requestInstant(input: HandlerInput): Date | undefined {
  const ts = (input.requestEnvelope?.request as { timestamp?: unknown } | undefined)?.timestamp;
  if (typeof ts !== 'string') return undefined;
  const ms = Date.parse(ts);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
