import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { createNlu, type InteractionModelFile, type Nlu } from '../../tools/nlu';
import type { StoredAlert } from '../../tools/localReminders';
import { Conversation } from '../../tools/simulator';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';

/** Helpers for the reminder tests: a conversation with a pinned clock, and readable views of the alerts. */
let nlu: Nlu | undefined;
let users = 0;

export const ZONE = 'America/New_York';

/** Friday, November 20th 2026, 6 pm in New York: the treatment day, evening. */
export const EVENING_OF_TREATMENT = '2026-11-20T23:00:00Z';

/**
 * The harness of one test file (filled in beforeAll, stopped in afterAll), in New York, with the
 * Reminders stand-in reset before each test.
 */
export function reminderHarness(): SkillHarness {
  const h = {} as SkillHarness;
  beforeAll(async () => {
    Object.assign(h, await startSkillHarness({ timeZone: ZONE }));
  });
  afterAll(() => h.stop());
  beforeEach(() => h.api.reminders.reset());
  return h;
}

export interface TalkOptions {
  /** ISO instant every request is stamped with. */
  readonly now: string;
  readonly invoke?: (event: RequestEnvelope) => Promise<ResponseEnvelope>;
  readonly apiEndpoint?: string;
  readonly userId?: string;
  /** The device's zone (the settings stand-in answers it for this conversation's device). */
  readonly zone?: string;
  /** A voice profile Alexa recognized on the account. */
  readonly personId?: string;
}

/** A conversation as a new patient on a device in New York, with Alexa's clock pinned to `now`. */
export function talk(h: SkillHarness, o: TalkOptions): Conversation & { readonly userId: string } {
  nlu ??= createNlu(model as unknown as InteractionModelFile);
  const userId = o.userId ?? `amzn1.ask.account.REMINDERS-${process.pid}-${++users}`;
  const invoke = o.invoke ?? h.invoke;
  const deviceId = `amzn1.ask.device.REMINDERS-${users}`;
  h.api.settings.zonesByDevice[deviceId] = o.zone ?? ZONE;
  const conv = new Conversation({
    handler: (event) => invoke(event),
    nlu,
    apiEndpoint: o.apiEndpoint ?? h.api.endpoint,
    userId,
    personId: o.personId,
    deviceId,
    now: () => new Date(o.now),
    timeZone: o.zone ?? ZONE,
  });
  return Object.assign(conv, { userId });
}

/** "2026-11-21 07:30 | Day 2 of your…" per alert, soonest first. */
export const alertLines = (alerts: readonly StoredAlert[]): string[] =>
  alerts.map(
    (a) =>
      `${(a.body.trigger?.scheduledTime ?? '').slice(0, 16).replace('T', ' ')} | ${a.body.alertInfo?.spokenInfo?.content?.[0]?.text ?? ''}`,
  );

export const scheduledTimes = (alerts: readonly StoredAlert[]): string[] => alerts.map((a) => a.body.trigger?.scheduledTime ?? '');
