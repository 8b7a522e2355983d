/**
 * The phrase book: what patients really say, written from their side (not copied from the model), with
 * the intent and slot values Alexa should hand the skill. Dates are as Alexa resolves them on
 * Wednesday, November 25th, 2026 (next occurrence, today included); `weekday` is the weekday slot.
 */
export const PHRASE_BOOK_TODAY = '2026-11-25';

export interface Phrase {
  readonly say: string;
  readonly intent: string;
  readonly slots?: Readonly<Partial<Record<'activity' | 'date' | 'dayNumber' | 'time' | 'weekday', string>>>;
}

const p = (say: string, intent: string, slots?: Phrase['slots']): Phrase => ({ say, intent, slots });

/** Every activity of the protocol, in the words patients use for it (with articles, possessives, verbs). */
export const ACTIVITY_WORDS: Record<string, string[]> = {
  makeup: [
    'wear makeup',
    'put on makeup',
    'wear foundation',
    'use concealer',
    'put on my mascara',
    'wear lipstick',
    'use my BB cream',
    'wear mineral makeup',
  ],
  exercise: [
    'work out',
    'go to the gym',
    'go for a run',
    'go running',
    'exercise',
    'do yoga',
    'do hot yoga',
    'lift weights',
    'go jogging',
    'do cardio',
  ],
  sauna: ['go to the sauna', 'use the sauna', 'go in a sauna', 'use the steam room', 'go to steam rooms'],
  antiInflammatories: [
    'take ibuprofen',
    'take an advil',
    'take some aspirin',
    'take motrin',
    'take aleve',
    'take my baby aspirin',
    'take bayer',
    'take naproxen',
  ],
  ice: ['use ice', 'put ice on my face', 'use an ice pack', 'use a cold compress', 'use my ice roller', 'use ice packs'],
  exfoliation: ['exfoliate', 'use a scrub', 'use my face scrub', 'use an exfoliator', 'use exfoliant'],
  retinoids: ['use retinol', 'use my retinol cream', 'use differin', 'use my acne cream'],
  acids: ['use a toner', 'use my toner', 'use glycolic acid', 'use salicylic acid', 'use acids'],
  fragrance: ['wear perfume', 'use perfume', 'wear cologne', 'use scented lotion', 'use scented products'],
  sun: ['go in the sun', 'go to the beach', 'go outside', 'sit in the sun'],
  gentleCare: ['use moisturizer', 'use my moisturizer', 'use hyaluronic acid', 'use a gentle cleanser', 'use lotion'],
  sunProtection: ['use sunscreen', 'put on sunscreen', 'wear a hat'],
  // Words that mean something other than an activity (issue 17): heard, and resolved to what they mean.
  notCovered_hot_tubs: ['go in the hot tub', 'use a jacuzzi'],
  notCovered_baths: ['take a hot bath', 'take a bath'],
  notCovered_painkillers_in_general: ['take painkillers', 'take a pain reliever', 'take tylenol'],
  notCovered_chemical_peels: ['do a chemical peel', 'get a chemical peel'],
  notCovered_serums: ['use vitamin c serum', 'use my vitamin c', 'use a serum'],
  notCovered_swimming_and_pools: ['go to the pool', 'go swimming'],
  notCovered_face_wash: ['wash my face'],
  prescriptions: ['use tretinoin', 'use retin a', 'take accutane'],
  tanning: ['go tanning', 'go sunbathing'],
};

/** The same question asked several ways, each with every activity's words. */
function activityQuestions(): Phrase[] {
  const out: Phrase[] = [];
  for (const [activity, words] of Object.entries(ACTIVITY_WORDS)) {
    words.forEach((w, i) => {
      out.push(p(`can I ${w}`, 'CanIIntent', { activity }));
      // Every other phrasing, so each activity is asked both ways without doubling the book.
      out.push(p(i % 2 === 0 ? `when can I ${w}` : `can I ${w} yet`, i % 2 === 0 ? 'WhenCanIIntent' : 'CanIIntent', { activity }));
    });
  }
  return out;
}

export const PHRASE_BOOK: readonly Phrase[] = [
  // Telling the treatment date.
  p('today', 'SetTreatmentDateIntent', { date: '2026-11-25' }),
  p('yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('it was yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('I had it yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('I had it done yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('I just had my microneedling today', 'SetTreatmentDateIntent', { date: '2026-11-25' }),
  p('I just had microneedling today', 'SetTreatmentDateIntent', { date: '2026-11-25' }),
  p('I just had it done today', 'SetTreatmentDateIntent', { date: '2026-11-25' }),
  p('I had my microneedling yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('I got my microneedling done on monday', 'SetTreatmentDateIntent', { weekday: 'monday' }),
  p('my microneedling was on friday', 'SetTreatmentDateIntent', { weekday: 'friday' }),
  p('I had my treatment this morning', 'SetTreatmentDateIntent', { date: '2026-11-25' }),
  p('the day before yesterday', 'SetTreatmentDateIntent', { date: '2026-11-23' }),
  p('three days ago', 'SetTreatmentDateIntent', { date: '2026-11-22' }),
  p('it was three days ago', 'SetTreatmentDateIntent', { date: '2026-11-22' }),
  p('a week ago', 'SetTreatmentDateIntent', { date: '2026-11-18' }),
  p('last friday', 'SetTreatmentDateIntent', { date: '2026-11-20' }),
  p('it was last friday', 'SetTreatmentDateIntent', { date: '2026-11-20' }),
  p('last tuesday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('friday', 'SetTreatmentDateIntent', { weekday: 'friday' }),
  p('on friday', 'SetTreatmentDateIntent', { weekday: 'friday' }),
  p('it was on friday', 'SetTreatmentDateIntent', { weekday: 'friday' }),
  p('monday', 'SetTreatmentDateIntent', { weekday: 'monday' }),
  p('it was monday', 'SetTreatmentDateIntent', { weekday: 'monday' }),
  p('wednesday', 'SetTreatmentDateIntent', { weekday: 'wednesday' }),
  p('sunday', 'SetTreatmentDateIntent', { weekday: 'sunday' }),
  p('my treatment was on saturday', 'SetTreatmentDateIntent', { weekday: 'saturday' }),
  p('November 20th', 'SetTreatmentDateIntent', { date: '2027-11-20' }),
  p('november twentieth', 'SetTreatmentDateIntent', { date: '2027-11-20' }),
  p('it was november twentieth', 'SetTreatmentDateIntent', { date: '2027-11-20' }),
  p('on november twentieth', 'SetTreatmentDateIntent', { date: '2027-11-20' }),
  p('october third', 'SetTreatmentDateIntent', { date: '2027-10-03' }),
  p('the twentieth', 'SetTreatmentDateIntent', { date: '2026-12-20' }),
  p('on the twentieth', 'SetTreatmentDateIntent', { date: '2026-12-20' }),
  p('november twentieth twenty twenty six', 'SetTreatmentDateIntent', { date: '2026-11-20' }),
  p('my treatment was november twentieth', 'SetTreatmentDateIntent', { date: '2027-11-20' }),
  p('my appointment was on tuesday', 'SetTreatmentDateIntent', { weekday: 'tuesday' }),
  p('my appointment was yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('I had my treatment on monday', 'SetTreatmentDateIntent', { weekday: 'monday' }),
  p('I had my treatment last monday', 'SetTreatmentDateIntent', { date: '2026-11-23' }),
  p('I had microneedling on the twentieth', 'SetTreatmentDateIntent', { date: '2026-12-20' }),
  p('change my treatment date to yesterday', 'SetTreatmentDateIntent', { date: '2026-11-24' }),
  p('my treatment was actually on monday', 'SetTreatmentDateIntent', { weekday: 'monday' }),
  p('change my treatment date', 'SetTreatmentDateIntent'),
  p('no, the thirteenth', 'SetTreatmentDateIntent', { date: '2026-12-13' }),
  p('no, it was thursday', 'SetTreatmentDateIntent', { weekday: 'thursday' }),
  p('no it was october third', 'SetTreatmentDateIntent', { date: '2027-10-03' }),
  p('no, I said tuesday', 'SetTreatmentDateIntent', { weekday: 'tuesday' }),
  p('I had another treatment today', 'NewTreatmentIntent', { date: '2026-11-25' }),
  p('I had a new treatment yesterday', 'NewTreatmentIntent', { date: '2026-11-24' }),
  p('I had my follow up session today', 'NewTreatmentIntent', { date: '2026-11-25' }),

  // Yes, no and the rest.
  p('yes', 'AMAZON.YesIntent'),
  p('yes please', 'AMAZON.YesIntent'),
  p('sure', 'AMAZON.YesIntent'),
  p('yeah', 'AMAZON.YesIntent'),
  p('yep', 'AMAZON.YesIntent'),
  p("that's right", 'AMAZON.YesIntent'),
  p('correct', 'AMAZON.YesIntent'),
  p('no', 'AMAZON.NoIntent'),
  p('no thanks', 'AMAZON.NoIntent'),
  p('nope', 'AMAZON.NoIntent'),
  p("that's wrong", 'AMAZON.NoIntent'),
  p('no reminders please', 'AMAZON.NoIntent'),
  p('no reminders', 'AMAZON.NoIntent'),
  p('no thank you', 'AMAZON.NoIntent'),
  p('help', 'AMAZON.HelpIntent'),
  p('what can I ask', 'AMAZON.HelpIntent'),
  p('stop', 'AMAZON.StopIntent'),
  p('goodbye', 'AMAZON.StopIntent'),
  p("that's all", 'AMAZON.StopIntent'),
  p('cancel', 'AMAZON.CancelIntent'),
  p('never mind', 'AMAZON.CancelIntent'),
  p('repeat that', 'AMAZON.RepeatIntent'),
  p('say that again', 'AMAZON.RepeatIntent'),

  // Today, another day, the day number.
  p('what should I do today', 'TodayPlanIntent'),
  p("what's my plan for today", 'TodayPlanIntent'),
  p('what should I avoid today', 'TodayPlanIntent'),
  p('give me my briefing', 'TodayPlanIntent'),
  p('how should I take care of my skin today', 'TodayPlanIntent'),
  p('what about tomorrow', 'DayPlanIntent', { date: '2026-11-26' }),
  p('what should I do tomorrow', 'DayPlanIntent', { date: '2026-11-26' }),
  p('what happens on saturday', 'DayPlanIntent', { date: '2026-11-28' }),
  p('what about day nine', 'DayPlanIntent', { dayNumber: '9' }),
  p('what happens on day 14', 'DayPlanIntent', { dayNumber: '14' }),
  p('tell me about day three', 'DayPlanIntent', { dayNumber: '3' }),
  p('what day am I on', 'WhatDayIntent'),
  p('what day of recovery am I on', 'WhatDayIntent'),
  p('when was my treatment', 'WhatDayIntent'),
  p('how far along am I', 'WhatDayIntent'),
  p('when is my next session', 'NextSessionIntent'),
  p('when can I book my next treatment', 'NextSessionIntent'),
  p('when can I come back', 'NextSessionIntent'),

  // Activities on another day.
  p('can I go for a run tomorrow', 'CanIIntent', { activity: 'exercise', date: '2026-11-26' }),
  p('can I wear makeup tomorrow', 'CanIIntent', { activity: 'makeup', date: '2026-11-26' }),
  p('can I go to the gym tomorrow', 'CanIIntent', { activity: 'exercise', date: '2026-11-26' }),
  p('can I take ibuprofen tomorrow', 'CanIIntent', { activity: 'antiInflammatories', date: '2026-11-26' }),
  p('can I use retinol tomorrow', 'CanIIntent', { activity: 'retinoids', date: '2026-11-26' }),
  p('can I go to the sauna tomorrow', 'CanIIntent', { activity: 'sauna', date: '2026-11-26' }),
  p('can I exfoliate tomorrow', 'CanIIntent', { activity: 'exfoliation', date: '2026-11-26' }),
  p('can I wear makeup on saturday', 'CanIIntent', { activity: 'makeup', date: '2026-11-28' }),
  p('can I go for a run on saturday', 'CanIIntent', { activity: 'exercise', date: '2026-11-28' }),
  p('can I use retinol on day nine', 'CanIIntent', { activity: 'retinoids', dayNumber: '9' }),
  p('can I take ibuprofen on day 8', 'CanIIntent', { activity: 'antiInflammatories', dayNumber: '8' }),
  p('can I wear makeup on day three', 'CanIIntent', { activity: 'makeup', dayNumber: '3' }),
  p('is it ok to wear makeup tomorrow', 'CanIIntent', { activity: 'makeup', date: '2026-11-26' }),
  p('is it okay to use retinol on friday', 'CanIIntent', { activity: 'retinoids', date: '2026-11-27' }),
  p('is makeup okay tomorrow', 'CanIIntent', { activity: 'makeup', date: '2026-11-26' }),
  p('can I use ice next week', 'CanIIntent', { activity: 'ice', date: '2026-W49' }),
  p('will I be able to wear makeup tomorrow', 'CanIIntent', { activity: 'makeup', date: '2026-11-26' }),
  p('when will I be able to go for a run', 'WhenCanIIntent', { activity: 'exercise' }),
  p('how long before I can go in the sauna', 'WhenCanIIntent', { activity: 'sauna' }),
  p('how long until I can wear makeup', 'WhenCanIIntent', { activity: 'makeup' }),
  p('how long do I have to avoid the sun', 'WhenCanIIntent', { activity: 'sun' }),
  p('is makeup okay', 'CanIIntent', { activity: 'makeup' }),
  p('is the sauna okay', 'CanIIntent', { activity: 'sauna' }),
  p('is retinol safe', 'CanIIntent', { activity: 'retinoids' }),
  p('what about the sauna', 'CanIIntent', { activity: 'sauna' }),
  p('what about my retinol cream', 'CanIIntent', { activity: 'retinoids' }),
  p('can I use a sauna', 'CanIIntent', { activity: 'sauna' }),
  p('can I go in steam rooms', 'CanIIntent', { activity: 'sauna' }),

  // Reminders.
  p('remind me every morning', 'SetUpRemindersIntent'),
  p('remind me every morning at 7:30', 'SetUpRemindersIntent', { time: '07:30' }),
  p('set up reminders at 8 am', 'SetUpRemindersIntent', { time: '08:00' }),
  p('7:30', 'SetUpRemindersIntent', { time: '07:30' }),
  p('at 7', 'SetUpRemindersIntent', { time: '07:00' }),
  p('sure, at 6:45', 'SetUpRemindersIntent', { time: '06:45' }),
  p('yes, 8 am', 'SetUpRemindersIntent', { time: '08:00' }),
  p('yes at 8 am', 'SetUpRemindersIntent', { time: '08:00' }),
  p('8 in the morning', 'SetUpRemindersIntent', { time: '08:00' }),
  p('at 8 in the morning', 'SetUpRemindersIntent', { time: '08:00' }),
  p('yes, at 7 in the morning', 'SetUpRemindersIntent', { time: '07:00' }),
  p('sure, 9 am', 'SetUpRemindersIntent', { time: '09:00' }),
  p('okay, at 7:15', 'SetUpRemindersIntent', { time: '07:15' }),
  p('yes please, at 6:30', 'SetUpRemindersIntent', { time: '06:30' }),
  p('how about 8', 'SetUpRemindersIntent', { time: '08:00' }),
  p("let's say 7", 'SetUpRemindersIntent', { time: '07:00' }),
  p('what reminders do I have', 'ListRemindersIntent'),
  p('change my reminder time to 8', 'ChangeReminderTimeIntent', { time: '08:00' }),
  p('move my reminders to 9 am', 'ChangeReminderTimeIntent', { time: '09:00' }),
  p('cancel my reminders', 'CancelRemindersIntent'),
  p('stop my reminders', 'CancelRemindersIntent'),
  p('delete my data', 'ForgetMeIntent'),
  p('forget me', 'ForgetMeIntent'),

  ...activityQuestions(),
];
