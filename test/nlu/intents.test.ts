import { match, resolvedId, slotValues } from './fixture';

type Row = [utterance: string, intent: string, slots?: Record<string, string>];

/** Real phrasings, most of them not samples; slot values as Alexa would send them (today = Wed 2026-11-25). */
const ROWS: Row[] = [
  // set the treatment date
  ['yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }],
  ['it was last tuesday', 'SetTreatmentDateIntent', { date: '2026-11-24' }],
  ['on monday', 'SetTreatmentDateIntent', { weekday: 'monday' }],
  ['November twentieth', 'SetTreatmentDateIntent', { date: '2027-11-20' }],
  ['I had my microneedling done last friday', 'SetTreatmentDateIntent', { date: '2026-11-20' }],
  ['I got microneedled yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }],
  ['my treatment was on the 20th', 'SetTreatmentDateIntent', { date: '2026-12-20' }],
  ['I think it was last friday', 'SetTreatmentDateIntent', { date: '2026-11-20' }],
  ['um it was two days ago', 'SetTreatmentDateIntent', { date: '2026-11-23' }],
  ['my appointment was last tuesday', 'SetTreatmentDateIntent', { date: '2026-11-24' }],
  ['I was treated yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }],
  ['actually my treatment was on monday', 'SetTreatmentDateIntent', { weekday: 'monday' }],
  ['change my treatment date', 'SetTreatmentDateIntent'],
  ['set my treatment date to yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }],
  // new treatment
  ['I had another treatment today', 'NewTreatmentIntent', { date: '2026-11-25' }],
  ['I had my follow-up session yesterday', 'NewTreatmentIntent', { date: '2026-11-24' }],
  ['I had microneedling again', 'NewTreatmentIntent'],
  ['log a new treatment', 'NewTreatmentIntent'],
  ['I just had another session today', 'NewTreatmentIntent', { date: '2026-11-25' }],
  // today's plan
  ['what should I do today', 'TodayPlanIntent'],
  ["what's my plan for today?", 'TodayPlanIntent'],
  ['Alexa, what should I do today', 'TodayPlanIntent'],
  ['so what should I do', 'TodayPlanIntent'],
  ['okay so what should I do', 'TodayPlanIntent'],
  ["what can't I do", 'TodayPlanIntent'],
  ['what can I not do today', 'TodayPlanIntent'],
  ["what's happening to my skin today", 'TodayPlanIntent'],
  ['what do I have to avoid today', 'TodayPlanIntent'],
  ["what's my plan", 'TodayPlanIntent'],
  ['give me my daily briefing please', 'TodayPlanIntent'],
  // another day's plan
  ['what about tomorrow', 'DayPlanIntent', { date: '2026-11-26' }],
  ['and tomorrow?', 'DayPlanIntent', { date: '2026-11-26' }],
  ['how about tomorrow', 'DayPlanIntent', { date: '2026-11-26' }],
  ['so what should I do for tomorrow', 'DayPlanIntent', { date: '2026-11-26' }],
  ["what's the plan for friday", 'DayPlanIntent', { date: '2026-11-27' }],
  ['what happens on day 8', 'DayPlanIntent', { dayNumber: '8' }],
  ['what about day five', 'DayPlanIntent', { dayNumber: '5' }],
  // can I …
  ['can I wear makeup', 'CanIIntent', { activity: 'makeup' }],
  ['hey can I put some makeup on yet', 'CanIIntent', { activity: 'makeup' }],
  ['is it ok if I take an advil', 'CanIIntent', { activity: 'Advil' }],
  ['can I take ibuprofen?', 'CanIIntent', { activity: 'ibuprofen' }],
  ['is it safe to wear foundation', 'CanIIntent', { activity: 'foundation' }],
  ['am I allowed to go to the gym yet', 'CanIIntent', { activity: 'gym' }],
  ['is it okay for me to wear makeup', 'CanIIntent', { activity: 'makeup' }],
  ['can I go running tomorrow', 'CanIIntent', { activity: 'running', date: '2026-11-26' }],
  // A need question (issue 17: never a "No" to "do I need sunscreen"): the sunscreen intent, not "can I".
  ['should I be using sunscreen', 'NeedIntent'],
  ['what about the sauna', 'CanIIntent', { activity: 'sauna' }],
  ['I wonder if I can wear makeup', 'CanIIntent', { activity: 'makeup' }],
  // when can I …
  ['when can I wear makeup again', 'WhenCanIIntent', { activity: 'makeup' }],
  ['when can I go to the gym', 'WhenCanIIntent', { activity: 'gym' }],
  ['how long until I can take ibuprofen', 'WhenCanIIntent', { activity: 'ibuprofen' }],
  ['how long do I need to avoid the sun', 'WhenCanIIntent', { activity: 'the sun' }],
  ['when can I start using tretinoin again', 'WhenCanIIntent', { activity: 'tretinoin' }],
  ['when can I get back to the gym', 'WhenCanIIntent', { activity: 'the gym' }],
  ['how many days until I can use retinol', 'WhenCanIIntent', { activity: 'retinol' }],
  // what day
  ['what day am I on', 'WhatDayIntent'],
  ['what day is it', 'WhatDayIntent'],
  ['how many days since I had it done', 'WhatDayIntent'],
  ["what's my treatment date", 'WhatDayIntent'],
  ['when was my treatment again', 'WhatDayIntent'],
  // next session
  ['when is my next session', 'NextSessionIntent'],
  ["when's my next appointment", 'NextSessionIntent'],
  ['when do I get to come back', 'NextSessionIntent'],
  ['when can I book my follow-up', 'NextSessionIntent'],
  // reminders
  ['remind me every morning', 'SetUpRemindersIntent'],
  ['remind me every morning at 7', 'SetUpRemindersIntent', { time: '07:00' }],
  ['please remind me at 7 every morning', 'SetUpRemindersIntent', { time: '07:00' }],
  ['can you set a reminder for 7 am', 'SetUpRemindersIntent', { time: '07:00' }],
  ['at seven thirty', 'SetUpRemindersIntent', { time: '07:30' }],
  ['8 pm please', 'SetUpRemindersIntent', { time: '20:00' }],
  ['what reminders do I have', 'ListRemindersIntent'],
  ['which reminders did I set', 'ListRemindersIntent'],
  ['change my reminder to 8', 'ChangeReminderTimeIntent', { time: '08:00' }],
  ['move my reminders to half past seven', 'ChangeReminderTimeIntent', { time: '07:30' }],
  ['cancel my reminders', 'CancelRemindersIntent'],
  ['turn off the reminders', 'CancelRemindersIntent'],
  ["I don't want any reminders", 'CancelRemindersIntent'],
  ['stop my reminders', 'CancelRemindersIntent'],
  // forget me
  ['forget me', 'ForgetMeIntent'],
  ['delete everything', 'ForgetMeIntent'],
  ["I'd like to delete my data", 'ForgetMeIntent'],
  ['forget about me', 'ForgetMeIntent'],
  // built-ins
  ['yes', 'AMAZON.YesIntent'],
  ['yeah', 'AMAZON.YesIntent'],
  ['yep', 'AMAZON.YesIntent'],
  ['sure', 'AMAZON.YesIntent'],
  ["that's right", 'AMAZON.YesIntent'],
  ['OK', 'AMAZON.YesIntent'],
  ['yes please', 'AMAZON.YesIntent'],
  ['please do', 'AMAZON.YesIntent'],
  ['no', 'AMAZON.NoIntent'],
  ['nope', 'AMAZON.NoIntent'],
  ['nah', 'AMAZON.NoIntent'],
  ["no, that's wrong", 'AMAZON.NoIntent'],
  ['no thanks', 'AMAZON.NoIntent'],
  ['repeat that', 'AMAZON.RepeatIntent'],
  ['say that again', 'AMAZON.RepeatIntent'],
  ['um what did you say', 'AMAZON.RepeatIntent'],
  ['come again?', 'AMAZON.RepeatIntent'],
  ['help', 'AMAZON.HelpIntent'],
  ['what can you do', 'AMAZON.HelpIntent'],
  ['how does this work', 'AMAZON.HelpIntent'],
  ['what can I ask', 'AMAZON.HelpIntent'],
  ['stop', 'AMAZON.StopIntent'],
  ['quit', 'AMAZON.StopIntent'],
  ['exit', 'AMAZON.StopIntent'],
  ['goodbye', 'AMAZON.StopIntent'],
  ['bye alexa', 'AMAZON.StopIntent'],
  ['shut up', 'AMAZON.StopIntent'],
  ['cancel', 'AMAZON.CancelIntent'],
  ['never mind', 'AMAZON.CancelIntent'],
  ['forget it', 'AMAZON.CancelIntent'],
  ['go home', 'AMAZON.NavigateHomeIntent'],
  // Symptoms have their own intent (issue 10), so a worry never lands on a care tip.
  ['is it normal that my face is red', 'SymptomIntent', { symptom: 'red' }],
  ['there is pus', 'SymptomIntent', { symptom: 'pus' }],
  ['what SPF should I use', 'SunscreenIntent'],
  ['can I stop wearing sunscreen', 'KeepSunscreenIntent'],
];

describe('utterances reach the intent Alexa would pick (today = Wed 2026-11-25)', () => {
  test.each(ROWS)('"%s" → %s %j', (utterance, intent, slots = {}) => {
    const result = match(utterance);
    expect({ intent: result.intent, slots: slotValues(result) }).toEqual({ intent, slots });
  });
});

describe('nonsense falls back', () => {
  test.each([
    'play music',
    'order a pizza',
    'how tall is mount everest',
    'set a timer for ten minutes',
    "what's up",
    'go',
    'tell me a joke',
    "what's the weather",
    "what's the weather tomorrow",
    'what time is it',
    'call mom',
    'turn on the lights',
    'what is the date today',
    'how are you',
    'I love you',
    'banana',
    'asdf qwerty',
    'blah blah blah',
    '',
    '...',
    'the',
  ])('"%s" → AMAZON.FallbackIntent', (utterance) => {
    const result = match(utterance);
    expect(result.intent).toBe('AMAZON.FallbackIntent');
    expect(result.slots).toEqual({});
  });
});

describe('slots come as Alexa sends them', () => {
  test('every declared slot is present; unfilled ones have no value', () => {
    const result = match('what about day five');
    expect(result.slots).toEqual({
      date: { name: 'date', confirmationStatus: 'NONE' },
      dayNumber: { name: 'dayNumber', value: '5', confirmationStatus: 'NONE', slotValue: { type: 'Simple', value: '5' } },
    });
  });

  test('a date slot carries the resolved value, not the words', () => {
    expect(match('it was last friday').slots.date?.value).toBe('2026-11-20');
    expect(resolvedId(match('it was last friday').slots.date)).toBeUndefined();
  });

  test('a slot-less sample leaves the slot empty', () => {
    expect(match('set my treatment date').slots).toEqual({
      date: { name: 'date', confirmationStatus: 'NONE' },
      weekday: { name: 'weekday', confirmationStatus: 'NONE' },
      time: { name: 'time', confirmationStatus: 'NONE' },
    });
  });
});
