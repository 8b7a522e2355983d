import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { parseClockTime, type ClockTime } from '../../domain/clockTime';
import { remindersEn } from '../../speech/reminders.en-US';
import { toSsml } from '../../speech/ssml';
import { reply } from '../respond';
import { writeSession } from '../session';

/**
 * The reminders permission: asked by voice (Alexa's own question, through Connections.SendRequest),
 * with a consent card in the Alexa app as the fallback.
 */
export const REMINDERS_SCOPE = 'alexa::alerts:reminders:skill:readwrite';

/** What the request itself says about the permission; "unknown" means: just try, a 401 will tell. */
export function reminderPermission(input: HandlerInput): 'granted' | 'denied' | 'unknown' {
  const scopes = (
    input.requestEnvelope?.context?.System?.user?.permissions as { scopes?: Record<string, { status?: unknown } | undefined> } | undefined
  )?.scopes;
  const status = scopes?.[REMINDERS_SCOPE]?.status;
  if (status === 'GRANTED') return 'granted';
  if (status === 'DENIED') return 'denied';
  return 'unknown';
}

/**
 * Carries the chosen time through Alexa's permission dialogue and back in Connections.Response, so the
 * answer can finish the job even without session attributes.
 */
const TOKEN_PREFIX = 'reminders@';
export const permissionToken = (time: ClockTime): string => `${TOKEN_PREFIX}${time}`;
export function timeFromPermissionToken(token: unknown): ClockTime | undefined {
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return undefined;
  return parseClockTime(token.slice(TOKEN_PREFIX.length));
}

/**
 * Hands the turn to Alexa, which asks "…permission to set reminders…?". No re-prompt and no end of
 * session: the answer comes back as a Connections.Response request.
 */
export function askForPermission(input: HandlerInput, time: ClockTime): Response {
  // The question we asked ("shall I set them?") is answered: nothing may wait for a stray yes.
  writeSession(input, {});
  return input.responseBuilder
    .speak(toSsml(remindersEn.askPermission()))
    .addDirective({
      type: 'Connections.SendRequest',
      name: 'AskFor',
      payload: { '@type': 'AskForPermissionsConsentRequest', '@version': '1', permissionScope: REMINDERS_SCOPE },
      token: permissionToken(time),
    })
    .getResponse();
}

/** The fallback: a card in the Alexa app; the SkillPermissionAccepted event then completes the plan. */
export function sendConsentCard(input: HandlerInput): Response {
  input.responseBuilder.withAskForPermissionsConsentCard([REMINDERS_SCOPE]);
  return reply(input, remindersEn.permissionCard());
}
