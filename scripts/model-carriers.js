// The carrier phrases of the interaction model that are built from patterns rather than written one by
// one: the verbs and little words patients put before an activity ("can I go to the {activity}"),
// another day ("can I {activity} tomorrow", "on day {dayNumber}"), the weekday said alone beside the
// date, "I just had my microneedling {date}" and reminder times with a word in front. `npm run
// model:sync` adds any that are missing (it never removes a hand-written sample); a test checks none is.

const { GRAMMAR, NEW_INTENTS, NEW_SLOTS } = require('./model-grammar');

/** Verbs before an activity, and the little words that may follow each. */
const VERBS = {
  '': [''],
  use: ['', 'the', 'a', 'an', 'my', 'some'],
  wear: ['', 'my', 'some'],
  take: ['', 'a', 'an', 'some', 'my'],
  'go to': ['', 'the', 'a'],
  'go in': ['', 'the', 'a'],
  'go into': ['the', 'a'],
  'go for': ['a'],
  go: [''],
  do: ['', 'a', 'my', 'some'],
  have: ['', 'a', 'an', 'some'],
  get: ['', 'a', 'an'],
  'put on': ['', 'my', 'some'],
  apply: ['', 'my', 'some'],
  'sit in': ['the', 'a'],
  'pick at': ['', 'the', 'my'],
  try: ['', 'a'],
  start: ['', 'my'],
  'go back to': ['', 'the', 'my'],
  eat: [''],
  drink: [''],
  'get in': ['the', 'a'],
};
const words = (...parts) => parts.filter((p) => p !== '').join(' ');
const ALL_FORMS = [
  ...Object.entries(VERBS).flatMap(([verb, dets]) => dets.map((det) => words(verb, det, '{activity}'))),
  'put {activity} on my face',
  'put {activity} on',
];
/** The common forms, for the longer frames (another day, "how long until"). */
const COMMON_FORMS = [
  '{activity}',
  'use {activity}',
  'wear {activity}',
  'take {activity}',
  'go to {activity}',
  'go to the {activity}',
  'go for a {activity}',
  'go {activity}',
  'do {activity}',
  'use the {activity}',
  'use my {activity}',
  'put on {activity}',
  'have {activity}',
  'get {activity}',
  'go in the {activity}',
  'go in a {activity}',
  'take a {activity}',
  'take an {activity}',
];

function canI() {
  const out = [];
  for (const x of ALL_FORMS) out.push(`can I ${x}`, `can I ${x} yet`);
  for (const x of COMMON_FORMS) {
    out.push(
      `can I ${x} today`,
      `is it okay to ${x}`,
      `is it ok to ${x}`,
      `am I allowed to ${x}`,
      `is it safe to ${x}`,
      `can I ${x} {date}`,
      `can I ${x} on {date}`,
      `can I ${x} on day {dayNumber}`,
      `is it okay to ${x} {date}`,
      `is it ok to ${x} {date}`,
      `is it okay to ${x} on day {dayNumber}`,
      `is it okay to ${x} on {date}`,
      `is it ok to ${x} on {date}`,
      `will I be able to ${x} {date}`,
      `will I be able to ${x} on day {dayNumber}`,
    );
  }
  for (const det of ['', 'the', 'my', 'a']) {
    const a = words(det, '{activity}');
    out.push(
      `is ${a} okay`,
      `is ${a} ok`,
      `is ${a} allowed`,
      `is ${a} safe`,
      `what about ${a}`,
      `is ${a} okay {date}`,
      `is ${a} ok {date}`,
      `is ${a} okay on day {dayNumber}`,
      `is ${a} ok on day {dayNumber}`,
    );
  }
  return out;
}

function whenCanI() {
  const out = ALL_FORMS.map((x) => `when can I ${x}`);
  for (const x of COMMON_FORMS) {
    out.push(
      `when can I ${x} {date}`,
      `when can I ${x} on {date}`,
      `when can I ${x} on day {dayNumber}`,
      `when can I ${x} again`,
      `how long until I can ${x}`,
      `how long before I can ${x}`,
      `when will I be able to ${x}`,
      `how long do I have to wait to ${x}`,
      `when is it okay to ${x}`,
      `when is it ok to ${x}`,
    );
  }
  for (const det of ['', 'the', 'my']) {
    const a = words(det, '{activity}');
    out.push(
      `when is ${a} okay`,
      `when is ${a} ok`,
      `when is ${a} allowed`,
      `how long should I avoid ${a}`,
      `how long do I have to avoid ${a}`,
    );
  }
  return out;
}

const DATE_CARRIERS = [
  '',
  'no',
  'no it was',
  'no I said',
  'no my treatment was',
  'it was',
  'my treatment was',
  'my treatment was actually',
  'I had my treatment',
  'I had microneedling',
  'I had it done',
  'I had it',
  'I got microneedled',
  'I got microneedling',
  'my appointment was',
  'my microneedling was',
  'I had my microneedling',
  'I had my microneedling done',
  'I got my microneedling done',
  'I just had my microneedling',
  'I just had microneedling',
  'I just had it done',
  'I just had my treatment',
  'I just got microneedled',
  'I just got microneedling',
  'I did my microneedling',
  'my treatment date is',
  'set my treatment date to',
  'change my treatment date to',
  'my microneedling appointment was',
];
const NEW_TREATMENT_CARRIERS = [
  'I had another treatment',
  'I had a new treatment',
  'I had another session',
  'I had a new session',
  'I had my follow up session',
  'I had my follow up',
  'I had my second treatment',
  'I had microneedling again',
  'I had my next session',
  'I had my next treatment',
];

/** Samples by intent; `first` ones go before the hand-written samples (a weekday slot beats the date on a tie). */
const CARRIERS = {
  SetTreatmentDateIntent: {
    first: DATE_CARRIERS.flatMap((c) => [words(c, '{weekday}'), words(c, 'on {weekday}')]),
    rest: DATE_CARRIERS.flatMap((c) => [words(c, '{date}'), words(c, 'on {date}')]),
  },
  NewTreatmentIntent: {
    first: NEW_TREATMENT_CARRIERS.map((c) => `${c} on {weekday}`),
    rest: NEW_TREATMENT_CARRIERS.flatMap((c) => [`${c} {date}`, `${c} on {date}`]),
  },
  CanIIntent: { rest: canI() },
  WhenCanIIntent: { rest: whenCanI() },
  SetUpRemindersIntent: {
    rest: [
      'sure at {time}',
      'sure {time}',
      'yes {time}',
      'yes please at {time}',
      'yes please {time}',
      'okay at {time}',
      'ok at {time}',
      'okay {time}',
      'ok {time}',
      'yeah at {time}',
      'yeah {time}',
      '{time} in the morning',
      'at {time} in the morning',
      'yes at {time} in the morning',
      'sure at {time} in the morning',
      'how about {time}',
      "let's say {time}",
      'let us say {time}',
      'make it {time}',
      'around {time}',
      'at about {time}',
      "{time} o'clock",
      "at {time} o'clock",
      '{time} would be good',
      '{time} is good',
      'every day at {time}',
    ],
  },
  // A plain no to the reminder offer; the built-ins' own phrases, which a strict matcher does not know.
  'AMAZON.NoIntent': {
    rest: [
      'no reminders',
      'no reminders please',
      'no reminders thanks',
      'no thanks no reminders',
      'nope',
      "that's wrong",
      "that's not right",
      'no thank you',
      'not right',
      'wrong',
    ],
  },
  'AMAZON.YesIntent': {
    rest: ['yeah', 'yep', 'yup', "that's right", 'correct', "yes that's right", 'that is right', "that's correct", 'right'],
  },
  'AMAZON.HelpIntent': { rest: ['what can I ask', 'what can I say', 'what can you do', 'how does this work'] },
  'AMAZON.StopIntent': { rest: ['goodbye', 'bye', "that's all", "I'm done", 'that is all'] },
  DayPlanIntent: {
    rest: [
      'what about day {dayNumber}',
      'tell me about {date}',
      'what happens {date}',
      'how about {date}',
      'how about day {dayNumber}',
      'what about on {date}',
    ],
  },
};

/** Slots the carriers use, by intent. */
const SLOTS = {
  SetTreatmentDateIntent: [['weekday', 'WeekdayType']],
  NewTreatmentIntent: [['weekday', 'WeekdayType']],
  CanIIntent: [
    ['date', 'AMAZON.DATE'],
    ['dayNumber', 'AMAZON.NUMBER'],
  ],
  WhenCanIIntent: [
    ['date', 'AMAZON.DATE'],
    ['dayNumber', 'AMAZON.NUMBER'],
  ],
};

const WEEKDAY_TYPE = {
  name: 'WeekdayType',
  values: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => ({ id: d, name: { value: d } })),
};

// The grammar grown from the patient corpus's training half (scripts/model-grammar.js) joins these.
for (const [intent, samples] of Object.entries(GRAMMAR)) {
  CARRIERS[intent] = { ...CARRIERS[intent], rest: [...(CARRIERS[intent]?.rest ?? []), ...samples()] };
}
for (const [intent, slots] of Object.entries({ ...NEW_INTENTS, ...NEW_SLOTS })) {
  SLOTS[intent] = [...(SLOTS[intent] ?? []), ...slots.map((s) => [s.name, s.type])];
}

/** Every carrier sample the model should have, by intent. */
function carrierSamples() {
  return Object.fromEntries(Object.entries(CARRIERS).map(([intent, c]) => [intent, [...(c.first ?? []), ...c.rest]]));
}

/** Adds what is missing to a language model, in place: the grammar's intents and types, the slots, the samples. */
function addCarriers(languageModel) {
  if (!languageModel.types.some((t) => t.name === WEEKDAY_TYPE.name)) languageModel.types.push(WEEKDAY_TYPE);
  for (const name of Object.keys(NEW_INTENTS)) {
    if (!languageModel.intents.some((i) => i.name === name)) languageModel.intents.push({ name, slots: [], samples: [] });
  }
  for (const intent of languageModel.intents) {
    for (const [name, type] of SLOTS[intent.name] ?? []) {
      intent.slots = intent.slots ?? [];
      if (!intent.slots.some((s) => s.name === name)) intent.slots.push({ name, type });
    }
    const c = CARRIERS[intent.name];
    if (!c) continue;
    const have = new Set((intent.samples ?? []).map((s) => s.toLowerCase()));
    const missing = (list) => list.filter((s) => !have.has(s.toLowerCase()) && have.add(s.toLowerCase()));
    const first = missing(c.first ?? []);
    const rest = missing(c.rest);
    intent.samples = [...first, ...(intent.samples ?? []), ...rest];
  }
  return languageModel;
}

module.exports = { addCarriers, carrierSamples };
