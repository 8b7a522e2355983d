// The interaction model's grammar grown from the patient corpus's TRAINING half (test/nlu/corpus/train.tsv):
// the ways patients lead into a request ("um so", "okay so"), the tails they add ("for the pain", "is that
// normal"), corrections, a date said with its time, a new treatment, and the conversational intents
// (thanks, "I don't know", the clinic's phone, "how long will…", results, a day still to come). Words only:
// no care fact lives here. scripts/model-carriers.js merges these into the model (`npm run model:sync`).

const words = (...parts) => parts.filter((p) => p !== '').join(' ');
const cross = (leads, frames) => leads.flatMap((l) => frames.map((f) => words(l, f)));

/** What patients say before a request; each is tried with the commonest frames. */
const FILLERS = [
  'um',
  'uh',
  'so',
  'um so',
  'so um',
  'okay',
  'okay so',
  'okay so um',
  'alright',
  'hey',
  'hey so',
  'oh',
  'well',
  'quick question',
];
const SHORT_FILLERS = ['um', 'uh', 'so', 'um so', 'okay so'];

/** Activity forms used with fillers and tails (a verb and its little word). */
const FORMS = [
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
  'take some {activity}',
  'put on some {activity}',
  'put {activity} on',
  'take an {activity}',
  'go in the {activity}',
  'go in a {activity}',
  'take a {activity}',
  'use a {activity}',
  'put on my {activity}',
  'use some {activity}',
  'wear some {activity}',
  'get a {activity}',
];
/** More verbs patients use before an activity word. */
const MORE_FORMS = [
  '{activity} my face',
  'spray {activity}',
  'be in the {activity}',
  'go out in the {activity}',
  'lay in the {activity}',
  'lie in the {activity}',
  'peel off {activity}',
  'put a {activity} on my face',
  'put an {activity} on my face',
  'put {activity} on it',
  'put an {activity} on it',
  'put a {activity} on it',
  'take two {activity}',
  'wear a little {activity}',
  'wear a bit of {activity}',
  'go to my {activity} class',
  'go to {activity} class',
  'go to my {activity}',
  'get in the {activity}',
  'have a {activity}',
  'go back to {activity}',
  'use {activity} again',
];
/** The same activity forms as patients say them after "start" or "go back to". */
const GERUNDS = [
  '{activity}',
  'wearing {activity}',
  'using {activity}',
  'taking {activity}',
  'doing {activity}',
  'putting on {activity}',
  'going to the {activity}',
  'going to {activity}',
  'going {activity}',
  'having {activity}',
  'getting {activity}',
  'using my {activity}',
];
const TAILS = ['for the pain', 'for my headache', 'for the swelling', 'now', 'or not', 'again', 'is that okay'];
const BEFORE = ['I have a headache', 'my face hurts', 'it hurts', "it's really hot", "it's flaking", 'it burns', "I'm in pain"];
const EVENT_BEFORE = ['I have a party', 'I have an event', "I'm going out", 'I have a wedding', 'I have a date', 'I have a work thing'];

function canI() {
  return [
    ...cross(
      FILLERS,
      FORMS.slice(0, 18).map((x) => `can I ${x}`),
    ),
    ...cross(
      SHORT_FILLERS,
      FORMS.slice(0, 18).flatMap((x) => [`can I ${x} {date}`, `is it okay to ${x}`]),
    ),
    ...MORE_FORMS.flatMap((x) => [`can I ${x}`, `can I ${x} {date}`]),
    ...FORMS.slice(0, 18).flatMap((x) => TAILS.map((t) => `can I ${x} ${t}`)),
    ...FORMS.slice(0, 14).flatMap((x) => [
      `can I ${x} {date} night`,
      `would it be okay to ${x}`,
      `is it alright to ${x}`,
      `would it be ok to ${x}`,
      `is it too soon to ${x}`,
      `is it too early to ${x}`,
      `is it still too early to ${x}`,
      `I want to ${x} is that okay`,
      `I want to ${x} can I`,
      `I want to ${x} {date} can I`,
      `am I allowed to ${x} yet`,
      `is it okay to ${x} yet`,
    ]),
    ...cross(
      BEFORE,
      [...FORMS.slice(0, 8), 'put {activity} on it', 'put {activity} on my face'].map((x) => `can I ${x}`),
    ),
    ...cross(
      SHORT_FILLERS,
      FORMS.slice(0, 8).map((x) => `can I ${x} for the pain`),
    ),
    ...cross(
      EVENT_BEFORE,
      FORMS.slice(0, 6).flatMap((x) => [`{date} can I ${x}`, `on {date} can I ${x}`]),
    ),
    ...FORMS.slice(0, 8).flatMap((x) => [
      `can I ${x} to the party {date}`,
      `can I ${x} for my date on {date}`,
      `can I ${x} to work {date}`,
    ]),
    ...['', 'the', 'my'].flatMap((det) => [
      `is it too soon for ${words(det, '{activity}')}`,
      `is it too early for ${words(det, '{activity}')}`,
      `is it still too early for ${words(det, '{activity}')}`,
    ]),
  ];
}

function whenCanI() {
  return [
    ...cross(
      FILLERS,
      FORMS.slice(0, 14).map((x) => `when can I ${x}`),
    ),
    ...cross(
      SHORT_FILLERS,
      FORMS.slice(0, 14).map((x) => `when can I ${x} again`),
    ),
    ...FORMS.flatMap((x) => [`how many days until I can ${x}`, `how long should I wait before I ${x}`, `how long should I wait to ${x}`]),
    ...GERUNDS.map((g) => `when can I start ${g} again`),
    ...MORE_FORMS.map((x) => `when can I ${x}`),
    'when can I start my {activity} again',
    'when can I start {activity} again',
    'when can I go back to my {activity}',
    'when can I use my {activity} again',
    'how long do I have to stay out of the {activity}',
    'how long should I stay out of the {activity}',
    'how long do I need to stay out of the {activity}',
    ...['wearing {activity}', 'using {activity}', 'taking {activity}', 'doing {activity}'].flatMap((x) => [
      `when can I go back to ${x}`,
      `how long should I wait before ${x}`,
      `when can I start ${x} again`,
    ]),
    ...cross(
      ['I have a wedding coming up', 'I have a party coming up', 'I have an event coming up'],
      FORMS.slice(0, 8).map((x) => `when can I ${x}`),
    ),
  ];
}

const SYMPTOM_FRAMES = [
  'my skin is {symptom}',
  'my face is {symptom}',
  'my skin feels {symptom}',
  'my face feels {symptom}',
  'my skin looks {symptom}',
  'my face looks {symptom}',
  'my cheeks are {symptom}',
  "I'm {symptom}",
  "it's {symptom}",
];
const SYMPTOM_TAILS = ['is that normal', 'is that okay', 'is this normal', 'is that bad', 'is that ok', 'should I be worried'];
const WORRY_FRAMES = [
  'my skin is really {symptom}',
  'my face is really {symptom}',
  "I'm really {symptom}",
  "I'm so {symptom}",
  "I'm very {symptom}",
  'my face is so {symptom}',
  'my skin is so {symptom}',
];

function symptom() {
  return [
    ...SYMPTOM_FRAMES.flatMap((f) => SYMPTOM_TAILS.map((t) => `${f} ${t}`)),
    ...cross(SHORT_FILLERS, SYMPTOM_FRAMES),
    "I'm {symptom}",
    "it's {symptom}",
    "it's {symptom} a lot",
    'my face {symptom}',
    'my skin {symptom}',
    'I have little {symptom}',
    "I'm in {symptom}",
    'I have {symptom} on my face',
    'I have {symptom} on my skin',
    'my face is {symptom} today',
    'my skin is {symptom} today',
    'my face is still {symptom} today',
    'my skin started {symptom} today',
    'why is my skin so {symptom}',
    'why is my face so {symptom}',
    'is it normal to be this {symptom}',
    'is it normal for my face to {symptom}',
    'is it normal for my skin to {symptom}',
    'my face feels like it is {symptom}',
    "my face feels like it's {symptom}",
    'my skin is {symptom} a little',
    'my face is {symptom} a little',
    'my skin is a little {symptom}',
    'my face is a little {symptom}',
    'my face is {symptom} and it is {alsoSymptom}',
    "my face is {symptom} and it's {alsoSymptom}",
    'my skin is really {symptom} and it {alsoSymptom}',
    'my face is really {symptom} and {alsoSymptom}',
    "my skin is really {symptom} and it's {alsoSymptom}",
    'there is {symptom} on my face',
    "there's {symptom} on my face",
  ];
}

function worry() {
  return [
    ...WORRY_FRAMES.flatMap((f) => [f, ...SYMPTOM_TAILS.map((t) => `${f} ${t}`)]),
    ...cross(SHORT_FILLERS, WORRY_FRAMES.slice(0, 2)),
    'my skin is really {symptom} today',
    'my face is really {symptom} today',
    'should I be concerned',
    'should I be concerned about {symptom}',
    'should I be worried about the {symptom}',
    'should I worry about the {symptom}',
    'should I be concerned about the {symptom}',
    "I'm concerned about my skin",
    "I'm concerned about my face",
    'should I be worried',
    "I'm scared something is wrong",
    "I'm scared something is wrong with my face",
    "I'm scared something is wrong with my skin",
    "something doesn't look right",
    'is it supposed to look like this',
    'my face is getting worse',
  ];
}

/** Leads to a date: the existing carriers of model-carriers.js plus these. */
const MORE_DATE_CARRIERS = [
  'um',
  'uh',
  'so',
  'okay so it was',
  'so it was',
  'um it was',
  'so I had it done',
  'I think it was',
  'I went in',
  'it was done',
  'I got it done',
  'actually it was',
  'actually my treatment was',
  'it was about',
  'about',
  'I think I had it',
  'I had microneedling done',
  'I went in for it',
  'I got it',
  'I had it done',
  'my microneedling was on',
  'it was done on',
  'can you change my treatment date to',
  'please change my treatment date to',
  'I just got back from my appointment',
  'I just got back from my treatment',
  'I just came back from my appointment',
];
/** A correction of a date said before. */
const CORRECTION_LEADS = [
  'actually',
  'sorry',
  'no wait',
  'oops',
  'wait',
  'I gave you the wrong date',
  'I gave you the wrong day',
  'wrong date',
  'wrong day',
  "that's the wrong date",
  "that's the wrong day",
  'I made a mistake',
  'I said the wrong day',
  'I said the wrong date',
  'let me correct that',
  'the date is wrong',
  'my mistake',
  'correction',
  'no sorry',
  'oh sorry',
  'oh wait',
  'I was wrong',
];
const CORRECTION_CARRIERS = CORRECTION_LEADS.flatMap((l) => [`${l} it was`, `${l} my treatment was`, `${l} it was actually`]);
/** The date and the appointment time said together ("yesterday at 3 pm"). */
const TIME_CARRIERS = [
  '',
  'it was',
  'my appointment was',
  'I had it done',
  'my treatment was',
  'I had it',
  'I had my treatment',
  'I went in',
  'I had my appointment',
  'um',
  'I got it done',
];

function dateWithTime() {
  return cross(TIME_CARRIERS, ['{weekday} at {time}', 'on {weekday} at {time}', '{date} at {time}', 'on {date} at {time}']);
}

function dateTails() {
  return cross(
    ['', 'it was', 'it was on', 'I had it', 'I had it done', 'on', 'my appointment was', 'I went in on'],
    ['{weekday} morning', '{weekday} afternoon', '{weekday} evening', '{weekday} night', '{weekday} I think', '{date} I think'],
  );
}

const NEW_TREATMENT_LEADS = [
  'I had my second microneedling session',
  'I had my second session',
  'I had another microneedling session',
  'I had my follow up treatment',
  'I got microneedled again',
  'I did my second session',
  'I went back for my second session',
  'I had round two',
  'I had my third session',
  'I had my third treatment',
  'I had another round of microneedling',
  'I had a second round of microneedling',
  'I had a touch up session',
  'I just had my second treatment',
  'I just had another session',
  'I just had my second session',
  'I went back for another session',
  'I had my second microneedling',
  'I had another round',
  'I had a new round',
  'I started a new round',
  'I had another microneedling treatment',
  'I had my second microneedling treatment',
  'I had my next microneedling session',
  'I went in for my second session',
  'I had a second session',
  'I had a second treatment',
  'I did another session',
  'I got another treatment',
  'I got my second treatment',
];
function newTreatment() {
  return [
    ...NEW_TREATMENT_LEADS.flatMap((c) => [c, `${c} on {weekday}`, `${c} {date}`, `${c} on {date}`]),
    ...cross(
      ['um', 'so', 'okay so'],
      [
        'I had my second session {date}',
        'I had another treatment {date}',
        'I had my second microneedling {date}',
        'I had my second microneedling session {date}',
      ],
    ),
    ...cross(
      ['I need to start over', 'start over', 'I need to reset'],
      ['I had another session {date}', 'I had another treatment {date}', 'I had a new treatment {date}'],
    ),
    'start over with a new treatment',
    'I want to start a new treatment',
    'I had my second treatment',
    'I had my second session',
    'I had another session',
    'I want to log a new treatment',
    'I had another treatment',
  ];
}

const TODAY_PLAN = [
  "what's my routine",
  "what's today's routine",
  'anything I should know today',
  'what should I put on my face today',
  'what am I supposed to do today',
  'what should I do for my skin today',
  'what should I do today for my skin',
  'what should I do for my face today',
  'tell me my aftercare',
  'give me my daily update',
  "what's my skin doing today",
  'what are the rules today',
  'what are my instructions for today',
  'tell me what to do today',
  'what should I be doing today',
  'what do I do now',
  'what should I do now',
  'what can I do today',
  'what should I not do today',
  'my plan for today',
  "what's my aftercare for today",
  'how do I take care of my face today',
  'what do I need to know today',
  'what should I do today please',
  "what's my aftercare today",
  'what should I do today for my face',
];
function todayPlan() {
  return [
    ...TODAY_PLAN,
    ...cross(FILLERS, [
      'what should I do today',
      'what do I do today',
      'what should I do',
      "what's my plan for today",
      "what's my aftercare today",
    ]),
  ];
}

function dayPlan() {
  return [
    'what will my skin be like on day {dayNumber}',
    'what will my skin be like {date}',
    'what does day {dayNumber} look like',
    'what should I do on {date}',
    'what should I expect on {date}',
    "what's the plan for {date}",
    'what happens on {date}',
    'tell me about {date}',
    'what about the {date}',
    ...cross(SHORT_FILLERS, ['what about {date}', 'what should I do {date}', 'what about day {dayNumber}', 'and {date}']),
  ];
}

const NEXT_SESSION = [
  'when can I book my next appointment',
  'when can I schedule my next session',
  'when can I have my next treatment',
  'when can I get microneedled again',
  "when's my next appointment",
  'when is my next appointment',
  'when can I go back for another session',
  'how long until my next session',
  'how long do I wait before the next treatment',
  'how long do I wait before my next session',
  'when can I book a follow up',
  'when can I get my next treatment',
  'when can I get another session',
  'how soon can I do it again',
  "when's the next one",
  'when do I go back',
  'when can I book another session',
  'when can I come back for my next session',
  "when's my follow up",
  "when's my next session",
  'when can I have my next session',
  'when can I schedule my next appointment',
  'when can I book another appointment',
  'when can I get another treatment',
  'when can I do it again',
];
function nextSession() {
  return [
    ...NEXT_SESSION,
    ...cross(SHORT_FILLERS, [
      'when is my next session',
      'when can I book my next appointment',
      "when's my next session",
      'when can I book another session',
    ]),
  ];
}

const WHAT_DAY = [
  'how many days has it been',
  'how many days has it been now',
  'how long has it been since my treatment',
  'what day is today for my skin',
  'what recovery day is it',
  'what day of healing is it',
  'how many days since I had microneedling',
  'what day are we on',
  'which day of my recovery is it',
  'what day is it for my skin',
  'which day is it for me',
  'what day am I on now',
];
function whatDay() {
  return [...WHAT_DAY, ...cross(SHORT_FILLERS, ['what day am I on', 'how many days has it been'])];
}

/** "Can I stop …": a no, keep it up (issue 17: the "do I still need" questions are NeedIntent's, a yes). */
const KEEP_SUNSCREEN = ['can I stop using SPF', 'can I stop wearing SPF', 'am I done with sunscreen', 'can I stop wearing sunscreen now'];
/** "Do I still need / do I have to / should I …": answered with a yes in the article's words (issue 17). */
const NEED = [
  'should I wear sunscreen',
  'should I put on sunscreen',
  'do I need SPF',
  'do I need to wear SPF',
  'do I still need SPF',
  'do I still have to wear a hat',
  'should I wear a hat',
  'do I need a hat',
  'do I have to wear a hat',
  'should I still wear sunscreen',
  'do I still need to wear a hat',
  'should I keep wearing sunscreen',
  'do I have to keep wearing sunscreen',
  'should I use sunscreen',
  'do I need to use sunscreen',
  'do I have to use sunscreen',
  'do I still need {activity}',
  'do I still need to wear {activity}',
  'do I still need to use {activity}',
  'do I still need to put on {activity}',
  'do I have to wear {activity}',
  'do I have to use {activity}',
  'do I have to put on {activity}',
  'do I still have to wear {activity}',
  'do I still have to use {activity}',
  'do I need {activity}',
  'do I need to wear {activity}',
  'do I need to use {activity}',
  'do I need {activity} every day',
  'do I still need a {activity}',
  'do I need to wear a {activity}',
  'do I still have to avoid {activity}',
  'do I still need to avoid {activity}',
  'do I still have to wait for {activity}',
  'do I still need to wait for {activity}',
  'do I still have to stay away from {activity}',
  'should I still avoid {activity}',
  'should I still use {activity}',
  'should I still wear {activity}',
  'do I have to keep using {activity}',
  'do I have to keep wearing {activity}',
  'do I still have to skip {activity}',
];
/** "Can I stop taking my baby aspirin?": the doctor first, for what may be prescribed (issue 17). */
const CAN_STOP = [
  'can I stop {activity}',
  'can I stop taking {activity}',
  'can I stop using {activity}',
  'can I stop wearing {activity}',
  'can I stop putting on {activity}',
  'can I skip {activity}',
  'can I skip my {activity}',
  'can I go without {activity}',
  'can I quit {activity}',
  'can I stop my {activity}',
  'should I stop {activity}',
  'should I stop taking {activity}',
  'should I stop taking my {activity}',
  'can I stop taking my {activity}',
  'do I have to stop {activity}',
  'do I have to stop taking {activity}',
  'do I have to stop taking my {activity}',
  'do I need to stop taking {activity}',
  'do I need to stop taking my {activity}',
  'when can I stop wearing {activity}',
  'when can I stop using {activity}',
];
/** A symptom said with an activity word: the symptom wins (issue 17). */
const SYMPTOM_WITH_ACTIVITY = [
  'can I put {activity} on my {symptom} face',
  'can I put {activity} on my {symptom} skin',
  'can I use {activity} on my {symptom} skin',
  'can I use {activity} on my {symptom} face',
  'it {symptom} when I put {activity} on',
  'it {symptom} when I put on {activity}',
  'it {symptom} when I use {activity}',
  'my skin {symptom} when I put {activity} on',
  'my face {symptom} when I put {activity} on',
];
/** "How long do I need sunscreen?": how long the care lasts (the activity's own answer). */
const HOW_LONG_ACTIVITY = [
  'how long do I need {activity}',
  'how long should I keep using {activity}',
  'how long do I have to wear {activity}',
  'how long should I wear {activity}',
  'how long do I need to wear {activity}',
  'how long do I keep using {activity}',
];
const SUNSCREEN = [
  'which sunscreen is best',
  'what sunscreen do you recommend',
  'what SPF is best',
  "what's the best sunscreen",
  'what sunscreen is good after microneedling',
  'what kind of sunscreen should I wear',
  'what sunscreen should I wear',
  'what SPF should I wear',
  'what is the best sunscreen',
  'which SPF is best',
  'um what sunscreen should I use',
  'so what sunscreen should I use',
  'what SPF do you recommend',
  'how high should my SPF be',
];

const APPOINTMENT_TIME = [
  'it was at {time}',
  'I was there at {time}',
  'it was done at {time}',
  'um it was at {time}',
  'I had it at {time}',
  'I went in at {time}',
  'I think it was at {time}',
  'the appointment was {time}',
];

const FORGET = [
  'delete my information',
  'delete my information please',
  'erase my information',
  'I want you to forget my data',
  'start fresh and delete my data',
  'please forget me',
  'erase everything about me',
  'forget my data',
  'delete everything',
  'please delete my data',
  "I'd like to delete my data",
  'I want to delete my data',
  'I want you to delete my data',
];

const THANKS_CORE = [
  'thank you',
  'thanks',
  'thanks a lot',
  'thank you so much',
  'thanks so much',
  'thank you very much',
  'thanks a bunch',
  'many thanks',
];
function thanks() {
  return [
    ...THANKS_CORE,
    ...cross(
      [
        'okay',
        'ok',
        'great',
        'perfect',
        'awesome',
        'cool',
        'got it',
        'okay great',
        'oh',
        'um',
        'alright',
        'wonderful',
        "that's great",
        'okay so',
        'good',
        'nice',
        'oh okay',
      ],
      THANKS_CORE.slice(0, 5),
    ),
    'thanks for the help',
    'thank you for your help',
    'thanks for your help',
    'thank you for the help',
    'thank you that helps',
    'that helps thanks',
    'that helps thank you',
    "that's helpful thank you",
    "that's helpful thanks",
    'appreciate it',
    'I appreciate it',
    'much appreciated',
    'thanks Alexa',
    'thank you Alexa',
    "thanks that's all I needed",
    "thank you that's all",
    'thanks bye',
    'thank you bye',
    'okay thanks bye',
    'thanks for that',
    'thank you for that',
    'that was helpful thanks',
    'really appreciate it',
  ];
}

function dontKnow() {
  const core = [
    "I don't know",
    "I'm not sure",
    "I don't remember",
    "I can't remember",
    'I forget',
    'I forgot',
    'not sure',
    'no idea',
    'I have no idea',
    "I don't recall",
    "I can't recall",
  ];
  return [
    ...core,
    ...cross(
      ['um', 'hmm', 'uh', 'honestly', 'well', 'I really', 'sorry'],
      ["I don't know", "I'm not sure", "I don't remember", "I can't remember"],
    ).map((s) => s.replace('I really I', 'I really')),
    "I don't know the date",
    "I'm not sure when it was",
    "I don't remember the date",
    "I can't remember when it was",
    "I don't know exactly",
    "I'm not really sure",
    "I'm not sure what day it was",
    "I don't remember what day it was",
    "I'd have to check",
    "I don't know what day it was",
    "I can't remember the date",
    "I don't know when it was",
    "I'm not sure of the date",
    "I don't remember when it was",
    "I'd need to check",
    'I need to check',
    "I don't know the exact date",
  ];
}

function clinicContact() {
  const ask = [
    "what's the clinic's number",
    "what's the clinic's phone number",
    "what is the clinic's number",
    "what is the clinic's phone number",
    "what's my clinic's number",
    "what's my clinic's phone number",
    "what's the phone number",
    "what's the number",
    "what's the number for the clinic",
    "what's the phone number for the clinic",
    "what's the number to call",
    'what number do I call',
    "give me the clinic's number",
    "give me the clinic's phone number",
    "can you give me the clinic's number",
    "can you give me the clinic's phone number",
    "I need the clinic's number",
    "I need the clinic's phone number",
    'how do I call the clinic',
    'how do I reach the clinic',
    'how can I reach the clinic',
    'how do I contact the clinic',
    'how can I contact the clinic',
    'how do I get in touch with the clinic',
    'how do I contact my provider',
    'how do I reach my doctor',
    'connect me to the clinic',
    'call the clinic',
    'I want to call the clinic',
    'I need to call the clinic',
    'who do I call',
    'who should I call',
    'who can I call',
    "what's the clinic's number again",
    'clinic phone number',
    "the clinic's number",
  ];
  const talk = cross(
    ['I want to', 'I need to', "I'd like to", 'can I', 'could I', 'let me'],
    ['talk', 'speak'].flatMap((v) =>
      [
        'someone',
        'somebody',
        'a person',
        'a real person',
        'a human',
        'a nurse',
        'a doctor',
        'my doctor',
        'someone at the clinic',
        'the clinic',
      ].map((o) => `${v} to ${o}`),
    ),
  );
  return [...ask, ...talk, ...cross(['um', 'okay', 'okay so', 'so'], ask.slice(0, 3))];
}

function howLong() {
  // {symptom}: the words the article gives days for are symptom words (the SymptomType the protocol fills).
  const frames = [
    'how long will the {symptom} last',
    'how long does the {symptom} last',
    'how long is the {symptom} going to last',
    'how long will the {symptom} be there',
    'how long will I be {symptom}',
    'how long will my skin be {symptom}',
    'how long will my face be {symptom}',
    'how long will my skin {symptom}',
    'how long will I {symptom}',
    'how long will it {symptom}',
    'when will the {symptom} go away',
    'when will the {symptom} stop',
    'when will the {symptom} go down',
    'when will I stop {symptom}',
    'how long will {symptom} last',
    'how long does {symptom} last',
    'how long is {symptom} going to last',
    'when will my face stop {symptom}',
    'when will my skin stop {symptom}',
    'how long will I keep {symptom}',
  ];
  const healing = [
    'how long does recovery take',
    'how long does healing take',
    "how long until I'm healed",
    'how long will it take to heal',
    'when will my skin be back to normal',
    'how long until my skin heals',
    'when will I be healed',
    'how long is the recovery',
    'how long does it take to heal',
    'when will my skin heal',
  ];
  return [...frames, ...healing, ...cross(['um', 'so', 'okay', 'okay so'], frames.slice(0, 6))];
}

function results() {
  const core = [
    'when will I see results',
    'when will I see the results',
    'when will I see a difference',
    'when will I notice a difference',
    'when will I notice results',
    'how long until I see results',
    'how long until I see a difference',
    'how long before I see results',
    'how long before I see a difference',
    'how long does it take to see results',
    'how long do results take',
    'how long for the results',
    'how long for results',
    'when do I see results',
    'when do the results show',
    'when will the results show',
    'when are the results going to show',
    'when will my skin look better',
    'when will it start working',
    'when will it work',
    'when can I expect results',
    'when will I see the full results',
    'when will I start to see results',
    'when will I start seeing results',
    'how soon will I see results',
    'when will I see improvement',
    'when does it start working',
    'when will I see the difference',
    'how long until it works',
  ];
  return [
    ...core,
    ...cross(
      ['um', 'so', 'okay so', 'okay'],
      ['when will I see results', 'when will I start seeing results', 'when will I see a difference'],
    ),
  ];
}

function comingDay() {
  return cross(
    [
      '',
      "it's",
      'it is',
      'on',
      'my appointment is',
      'my treatment is',
      'my appointment is on',
      "it's on",
      'it will be',
      'I have it',
      'my treatment is on',
    ],
    ['next', 'this coming', 'coming'].map((a) => `${a} {weekday}`),
  );
}

/** Samples by intent, added after the hand-written ones. */
const GRAMMAR = {
  CanIIntent: () => [...canI(), ...SYMPTOM_WITH_ACTIVITY],
  WhenCanIIntent: whenCanI,
  SymptomIntent: symptom,
  SymptomWorryIntent: worry,
  // A weekday said alone goes to its own slot: its samples come first (the simulator breaks ties by order).
  SetTreatmentDateIntent: () => [
    ...cross([...MORE_DATE_CARRIERS, ...CORRECTION_CARRIERS], ['{weekday}', 'on {weekday}', '{date}', 'on {date}']),
    ...dateWithTime(),
    ...dateTails(),
  ],
  NewTreatmentIntent: newTreatment,
  TodayPlanIntent: todayPlan,
  DayPlanIntent: dayPlan,
  NextSessionIntent: nextSession,
  WhatDayIntent: () => [
    ...whatDay(),
    'is today day {dayNumber}',
    'is it day {dayNumber} today',
    'am I on day {dayNumber}',
    'is this day {dayNumber}',
  ],
  KeepSunscreenIntent: () => KEEP_SUNSCREEN,
  NeedIntent: () => NEED,
  CanStopIntent: () => CAN_STOP,
  SunscreenIntent: () => SUNSCREEN,
  AppointmentTimeIntent: () => APPOINTMENT_TIME,
  ForgetMeIntent: () => FORGET,
  ThanksIntent: thanks,
  DontKnowIntent: dontKnow,
  ClinicContactIntent: clinicContact,
  HowLongIntent: () => [...howLong(), ...HOW_LONG_ACTIVITY],
  ResultsIntent: results,
  ComingDayIntent: comingDay,
  SetUpRemindersIntent: () => [
    'can I get reminders',
    'set a daily reminder',
    'remind me each morning what to do',
    'yes remind me at {time}',
    'can you remind me at {time}',
    'set a reminder for {time}',
    'um remind me every morning at {time}',
    "I'd like reminders",
    "I'd like reminders please",
    'daily reminders please',
    'daily reminders',
    'please remind me',
    'remind me please',
    'can you remind me every day',
    'can you remind me every morning',
    'can you remind me',
    'remind me every day',
    'set reminders for my aftercare',
    'set up daily reminders',
    "I'd like a reminder every morning",
    'remind me every morning at {time} please',
    'can you set up reminders',
    'I want daily reminders',
  ],
  ChangeReminderTimeIntent: () => [
    'push my reminder to {time}',
    'can you move my reminder to {time}',
    'change the reminder to {time}',
    'can you change the reminder to {time}',
    'make my reminder {time}',
    'can you change my reminder to {time}',
    'change my reminder to {time}',
    'move my reminder time to {time}',
  ],
  CancelRemindersIntent: () => [
    'cancel the reminders',
    'please stop the reminders',
    'stop reminding me',
    "I don't need reminders anymore",
    'please cancel my reminders',
    "I don't want the reminders",
    'turn the reminders off',
  ],
  ListRemindersIntent: () => ['what reminders are set', 'when are my reminders', 'read me my reminders', 'do I have any reminders'],
  'AMAZON.YesIntent': () => [
    "yeah that's right",
    "yes that's correct",
    'yes that is right',
    'uh huh',
    'yes it was',
    'yes that is correct',
    'yeah go ahead',
    'yes go ahead',
  ],
  'AMAZON.NoIntent': () => ["no it wasn't", 'no it was not', "that's not it", "no that's wrong", "no I don't"],
  'AMAZON.HelpIntent': () => [
    'what can you help me with',
    'what kind of questions can I ask',
    'what questions can I ask',
    'I need help',
    'help me',
  ],
  'AMAZON.StopIntent': () => ['okay bye', "that's all I needed", 'bye bye', "that's it for now"],
  'AMAZON.RepeatIntent': () => ['sorry what', 'what was that', 'can you say that again'],
};

/** Intents the grammar adds to the model, with their slots. */
const NEW_INTENTS = {
  ThanksIntent: [],
  DontKnowIntent: [],
  ClinicContactIntent: [],
  HowLongIntent: [
    { name: 'symptom', type: 'SymptomType' },
    { name: 'activity', type: 'ActivityType' },
  ],
  NeedIntent: [{ name: 'activity', type: 'ActivityType' }],
  CanStopIntent: [{ name: 'activity', type: 'ActivityType' }],
  ResultsIntent: [],
  ComingDayIntent: [{ name: 'weekday', type: 'WeekdayType' }],
};
/** Slots the grammar's samples add to existing intents. */
const NEW_SLOTS = {
  SetTreatmentDateIntent: [{ name: 'time', type: 'AMAZON.TIME' }],
  WhatDayIntent: [{ name: 'dayNumber', type: 'AMAZON.NUMBER' }],
  CanIIntent: [{ name: 'symptom', type: 'SymptomType' }],
};

/**
 * Words patients put in an activity question that the care protocol does not rule on, so Alexa fills
 * the slot with them (and the skill says it has no guidance, with the clinic) rather than guess another
 * intent. Any the protocol already knows are skipped by sync-model.js.
 */
const OTHER_TOPIC_WORDS = [
  'tylenol',
  'acetaminophen',
  'paracetamol',
  'spray tan',
  'a spray tan',
  'swimming',
  'swim',
  'botox',
  'shave',
  'shaving',
  'wax',
  'waxing',
  'wax my eyebrows',
  'alcohol',
  'wine',
  'a glass of wine',
  'glass of wine',
  'dye my hair',
  'color my hair',
  'hair dye',
  'laser',
  'filler',
  'fillers',
  'lip filler',
  'massage',
  'a massage',
  'dermaplaning',
  'swimming in the pool',
  'swim in the pool',
];

module.exports = { GRAMMAR, NEW_INTENTS, NEW_SLOTS, OTHER_TOPIC_WORDS };
