import * as z from 'zod';

/**
 * What each tool returns, declared field by field: the answer's words (`say`), the disclaimer, and the
 * core's data for that answer — nothing else (strict: a host may rely on every field it sees being
 * declared, and the SDK's client checks each result against it).
 */
const ISO = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('YYYY-MM-DD');
const SOURCE = z
  .union([z.strictObject({ article: z.string() }), z.strictObject({ clinic: z.string(), reviewedByClinic: z.boolean() })])
  .describe("Where the care fact comes from: the clinic's article (its sentence), or the clinic's own reading.");
const STANDING = {
  activity: z.string().nullable().describe('The activity as patients name it; null when the words name none.'),
  kind: z
    .enum(['avoid', 'limit', 'encouraged'])
    .describe('avoid: not until a day; limit: allowed with extra care until a day; encouraged: always.'),
  allowed: z.boolean().describe('Whether it is fine that day (a limit is always allowed, with care).'),
  allowedFromDay: z.number().int().describe('avoid only: the first day it is fine.'),
  allowedFromDate: ISO.describe('avoid only: the first date it is fine.'),
  extraCare: z.boolean().describe('limit only: extra care is still needed that day.'),
  extraCareEndsDay: z.number().int().describe('limit only: the day the extra care can ease.'),
  extraCareEndsDate: ISO.describe('limit only: the date the extra care can ease.'),
};
const STANDING_ITEM = z.strictObject({
  activity: z.string(),
  kind: STANDING.kind,
  allowed: z.boolean(),
  allowedFromDay: STANDING.allowedFromDay.optional(),
  allowedFromDate: STANDING.allowedFromDate.optional(),
  extraCare: STANDING.extraCare.optional(),
  extraCareEndsDay: STANDING.extraCareEndsDay.optional(),
  extraCareEndsDate: STANDING.extraCareEndsDate.optional(),
});

const FIELDS = {
  day: z.number().int().nullable().describe('The recovery day the answer is about (day 1 = treatment day).'),
  date: ISO.describe('The calendar date of that day.'),
  today: ISO,
  todayDay: z.number().int().describe("Today's recovery day."),
  treatmentDate: ISO.nullable(),
  ...STANDING,
  source: SOURCE,
  reviewedByClinic: z.boolean().describe('false: a reading of the article the clinic has not confirmed yet.'),
  beforeTreatment: z.literal(true).describe('The day asked about is before the treatment.'),
  known: z.array(z.string()).describe('What the patient can ask about, in patients’ words.'),
  skin: z.string(),
  todo: z.array(z.string()),
  offLimits: z.array(STANDING_ITEM).describe('Everything still restricted that day.'),
  newlyAllowed: z.array(STANDING_ITEM).describe('What becomes fine that day.'),
  followUp: z.strictObject({ fromDay: z.number().int(), fromDate: ISO, bookableNow: z.boolean() }),
  bookableFromDay: z.number().int(),
  bookableFromDate: ISO,
  bookableNow: z.boolean(),
  daysToWait: z.number().int(),
  needs: z
    .enum(['treatment_date', 'exact_day', 'month_and_day', 'past_day', 'recent_day', 'confirmation', 'date_after_current', 'day'])
    .describe('Set when the answer is a question back: ask the patient `say`, then call again.'),
  saved: z.boolean(),
  storedTreatmentDate: ISO.nullable(),
  heard: ISO.describe('The day heard, when it is refused (still to come, or too long ago).'),
  candidate: ISO.describe(
    'With needs=confirmation: the date to confirm; pass it back with confirmed: true after a yes, or in rejected after a no.',
  ),
  candidateTodayDay: z.number().int(),
  earlierTreatments: z.array(ISO),
  deleted: z.boolean(),
  nothingStored: z.literal(true),
  normalForThisDay: z.string().describe("The symptom the clinic's guide calls normal on this day."),
  callClinic: z.literal(true),
  clinicPhone: z.string().nullable(),
  emergencyLine: z.string(),
  assessed: z.literal(false).describe('A symptom is never assessed.'),
  error: z.enum(['user_authorization_required', 'store_unavailable', 'busy', 'invalid_time_zone']),
  covered: z.literal(false).describe("A topic the clinic's aftercare does not cover: ask the clinic (its phone is in `say`)."),
  prescribedToo: z.literal(true).describe('Often prescribed (aspirin): if it was prescribed, talk to the doctor before stopping it.'),
  fromDay: z.number().int().nullable().describe('how_long / when_will_i_see_results: the first day the article speaks of.'),
  toDay: z.number().int().nullable().describe('how_long: the last day the article calls it normal.'),
};
type Field = keyof typeof FIELDS;

/** Fields any tool may return: a refusal or a store that cannot answer. */
const ALWAYS: readonly Field[] = ['error'];
/** A patient tool asked before any treatment date is stored. */
const NEEDS_DATE: readonly Field[] = ['treatmentDate', 'needs'];

function output(fields: readonly Field[]) {
  const shape: Record<string, z.ZodType> = {
    say: z.string().describe('What to tell the patient: the sentence the classic skill says.'),
    disclaimer: z.string().describe("The clinic's disclaimer, to say with care answers."),
  };
  for (const f of new Set([...ALWAYS, ...fields])) shape[f] = FIELDS[f].optional();
  return z.strictObject(shape);
}

const ACTIVITY_FIELDS: readonly Field[] = [
  ...NEEDS_DATE,
  'day',
  'date',
  'today',
  'todayDay',
  'activity',
  'kind',
  'allowed',
  'allowedFromDay',
  'allowedFromDate',
  'extraCare',
  'extraCareEndsDay',
  'extraCareEndsDate',
  'source',
  'reviewedByClinic',
  'beforeTreatment',
  'known',
  // Issue 17: a topic not covered, an often-prescribed medicine, a symptom said within the question.
  'covered',
  'prescribedToo',
  'fromDay',
  'toDay',
  'normalForThisDay',
  'callClinic',
  'clinicPhone',
  'emergencyLine',
  'assessed',
];
const DAY_FIELDS: readonly Field[] = [
  ...NEEDS_DATE,
  'day',
  'date',
  'today',
  'todayDay',
  'skin',
  'todo',
  'offLimits',
  'newlyAllowed',
  'followUp',
  'beforeTreatment',
];
const DATE_FIELDS: readonly Field[] = [
  'saved',
  'today',
  'storedTreatmentDate',
  'needs',
  'heard',
  'candidate',
  'candidateTodayDay',
  'treatmentDate',
  'todayDay',
  'earlierTreatments',
];

export const OUTPUTS = {
  activity: output(ACTIVITY_FIELDS),
  day: output(DAY_FIELDS),
  nextSession: output([
    ...NEEDS_DATE,
    'day',
    'today',
    'bookableFromDay',
    'bookableFromDate',
    'bookableNow',
    'daysToWait',
    'source',
    'reviewedByClinic',
  ]),
  date: output(DATE_FIELDS),
  forget: output(['deleted', 'needs', 'nothingStored']),
  symptom: output(['day', 'normalForThisDay', 'callClinic', 'clinicPhone', 'emergencyLine', 'assessed', 'source', 'reviewedByClinic']),
};
