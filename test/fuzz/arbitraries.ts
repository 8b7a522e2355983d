import fc from 'fast-check';

/** Random and malformed Alexa request envelopes, from plausible to hostile. */

const INTENTS = [
  'SetTreatmentDateIntent',
  'NewTreatmentIntent',
  'TodayPlanIntent',
  'DayPlanIntent',
  'CanIIntent',
  'WhenCanIIntent',
  'WhatDayIntent',
  'NextSessionIntent',
  'SetUpRemindersIntent',
  'ListRemindersIntent',
  'ChangeReminderTimeIntent',
  'CancelRemindersIntent',
  'ForgetMeIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.RepeatIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
  'AMAZON.NavigateHomeIntent',
];

/** Every AMAZON.DATE shape, impossible dates and junk. */
export const dateValue = fc.oneof(
  fc.constantFrom(
    '2026-11-20',
    '2026-11-27',
    '2027-11-24',
    '2026-W47',
    '2026-W47-WE',
    '2026-11',
    '2026-WI',
    '2026',
    '202X',
    'XXXX-11-20',
    'XXXX-XX-28',
    'XXXX-W47',
    'PRESENT_REF',
    '',
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '9999-12-31',
    'T07:30',
    'tomorrow',
  ),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 30 }),
);

const slotValue = fc.oneof(
  dateValue,
  fc.constantFrom('advil', 'makeup', 'the sun', 'botox', 'Accutane', '5', '-3', '1e309', '07:30', 'MO', '<speak>', '& < > " \''),
  fc.string({ maxLength: 50 }),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);

const slot = (name: string) =>
  fc.oneof(
    fc.record({ name: fc.constant(name), value: slotValue, confirmationStatus: fc.constant('NONE') }),
    fc.record({
      name: fc.constant(name),
      value: slotValue,
      resolutions: fc.constantFrom(
        {
          resolutionsPerAuthority: [
            { authority: 'x', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: 'ibuprofen', id: 'antiInflammatories' } }] },
          ],
        },
        {
          resolutionsPerAuthority: [
            { authority: 'x', status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: 'x', id: 'no-such-id' } }] },
          ],
        },
        { resolutionsPerAuthority: [{ authority: 'x', status: { code: 'ER_SUCCESS_NO_MATCH' } }] },
        { resolutionsPerAuthority: 'garbage' },
      ),
    }),
    fc.record({ name: fc.constant(name) }),
    fc.constant(null),
    fc.string(),
  );

const slots = fc.oneof(
  fc.record({ date: slot('date'), dayNumber: slot('dayNumber'), activity: slot('activity'), time: slot('time') }, { requiredKeys: [] }),
  fc.constant(undefined),
  fc.constant('slots'),
);

const timestamp = fc.oneof(
  fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('9999-12-31T23:59:59Z', '+275760-09-13T00:00:00.000Z', '1970-01-01T00:00:00Z', 'not a time', '', '2026-02-30T10:00:00Z'),
  fc.constant(undefined),
  fc.integer(),
);

const request = fc
  .oneof(
    {
      weight: 5,
      arbitrary: fc.record(
        {
          type: fc.constant('IntentRequest'),
          intent: fc.record(
            {
              name: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...INTENTS) }, { weight: 1, arbitrary: fc.string() }),
              confirmationStatus: fc.constant('NONE'),
              slots,
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: ['type'] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          type: fc.constantFrom(
            'LaunchRequest',
            'SessionEndedRequest',
            'AlexaSkillEvent.SkillDisabled',
            'AlexaSkillEvent.SkillEnabled',
            'AlexaSkillEvent.SkillPermissionAccepted',
            'AlexaSkillEvent.SkillPermissionChanged',
            'Connections.Response',
            'CanFulfillIntentRequest',
            'Display.ElementSelected',
            'Unknown.Type',
          ),
          reason: fc.constantFrom('USER_INITIATED', 'ERROR', undefined),
          name: fc.constantFrom('AskFor', undefined),
          payload: fc.constantFrom(
            { status: 'ACCEPTED', permissionScope: 'alexa::alerts:reminders:skill:readwrite' },
            { status: 'DENIED' },
            'junk',
            undefined,
          ),
          body: fc.constantFrom({ acceptedPermissions: [{ scope: 'alexa::alerts:reminders:skill:readwrite' }] }, {}, undefined),
        },
        { requiredKeys: ['type'] },
      ),
    },
    { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.constant({}), fc.record({ type: fc.oneof(fc.integer(), fc.string()) })) },
  )
  .chain((r) => timestamp.map((t) => (r && typeof r === 'object' ? { requestId: 'fuzz', locale: 'en-US', ...r, timestamp: t } : r)));

const userId = fc.oneof(
  fc.constantFrom('amzn1.ask.account.A', 'amzn1.ask.account.B'),
  fc.string({ maxLength: 20 }),
  fc.constant(undefined),
);
const personId = fc.oneof(
  fc.constantFrom('amzn1.ask.person.P1', 'amzn1.ask.person.P2'),
  fc.constant(undefined),
  fc.string({ maxLength: 10 }),
);

const sessionAttributes = fc.oneof(
  fc.constant({}),
  fc.constantFrom(
    { pending: { kind: 'treatmentDate', newTreatment: false } },
    { pending: { kind: 'confirmDate', date: '2026-11-20', newTreatment: true } },
    { pending: { kind: 'confirmDate', date: '2026-02-30' } },
    { pending: { kind: 'confirmForget' } },
    { pending: { kind: 'reminderOffer' } },
    { pending: { kind: 'confirmReminders', time: 'garbage' } },
    { pending: 'junk', last: 42, deferred: { intent: 'CanIIntent', activity: 'advil' } },
    { last: { text: '<b>&', reprompt: null } },
  ),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
);

/** An envelope plus what is needed to judge it; `apiEndpoint` is filled in by the test (a local stand-in). */
export const envelope = (apiEndpoint: string, skillId: string) =>
  fc
    .record({
      request,
      userId,
      personId,
      appId: fc.oneof(
        { weight: 9, arbitrary: fc.constant(skillId) },
        { weight: 1, arbitrary: fc.constantFrom('amzn1.ask.skill.other', '') },
      ),
      endpoint: fc.constantFrom(apiEndpoint, 'http://127.0.0.1:9', 'not a url', undefined),
      withContext: fc.boolean().map((b) => b || Math.random() < 0.9),
      session: fc.option(fc.record({ new: fc.boolean(), attributes: sessionAttributes }), { nil: undefined }),
    })
    .map(({ request: req, userId: u, personId: p, appId, endpoint, withContext, session }) => {
      const user = u === undefined ? undefined : { userId: u };
      const system = {
        application: { applicationId: appId },
        user,
        ...(p === undefined ? {} : { person: { personId: p } }),
        device: { deviceId: 'fuzz-device', supportedInterfaces: {} },
        apiEndpoint: endpoint,
        apiAccessToken: 'fuzz-token',
      };
      return {
        version: '1.0',
        ...(session ? { session: { sessionId: 's', application: { applicationId: appId }, user, ...session } } : {}),
        ...(withContext ? { context: { System: system } } : {}),
        request: req,
      };
    });
