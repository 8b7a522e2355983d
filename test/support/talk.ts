import type { RequestEnvelope, ResponseEnvelope, SupportedInterfaces } from 'ask-sdk-model';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { createNlu, type InteractionModelFile } from '../../tools/nlu';
import { Conversation } from '../../tools/simulator';
import type { SkillHarness } from './skillHarness';
import { responseProblems } from './ssml';

const nlu = createNlu(model as InteractionModelFile);

export interface TalkOptions {
  readonly userId?: string;
  readonly personId?: string;
  readonly deviceId?: string;
  /** The user's zone: what the settings API answers for their device. */
  readonly zone?: string;
  /** The instant of every request (ISO), unless `now` is given. */
  readonly at?: string;
  readonly now?: () => Date;
  /** Another skill (e.g. with an edited protocol) on the same store. */
  readonly invoke?: (event: RequestEnvelope) => Promise<ResponseEnvelope>;
  /** What the device declares (an Echo Show: Alexa.Presentation.APL); none by default. */
  readonly supportedInterfaces?: SupportedInterfaces;
}

/**
 * A patient talking to the real skill on the harness's real parts. Every response is checked on the
 * way: well-formed SSML with escaping, and a re-prompt whenever the session stays open.
 */
export function talk(harness: SkillHarness, o: TalkOptions = {}): Conversation {
  const deviceId = o.deviceId ?? `device-${o.userId ?? 'patient'}`;
  const zone = o.zone ?? 'America/Los_Angeles';
  harness.api.settings.zonesByDevice[deviceId] = zone;
  const invoke = o.invoke ?? harness.invoke;
  return new Conversation({
    handler: async (event) => {
      const response = await invoke(event);
      const problems = responseProblems(response);
      if (problems.length > 0) throw new Error(`malformed response to ${event.request.type}: ${problems.join('; ')}`);
      return response;
    },
    nlu,
    apiEndpoint: harness.api.endpoint,
    userId: o.userId ?? 'amzn1.ask.account.PATIENT',
    personId: o.personId,
    deviceId,
    now: o.now ?? (() => new Date(o.at ?? '2026-11-25T16:00:00Z')),
    timeZone: zone,
    supportedInterfaces: o.supportedInterfaces,
  });
}
