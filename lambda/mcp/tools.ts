import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { withTreatmentDate } from '../domain/treatmentDate';
import { parseIsoDate, type IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import { spanAsked } from '../domain/meaning';
import { localDate, isKnownTimeZone } from '../services/zoneClock';
import { addon } from '../speech/addon.en-US';
import { en } from '../speech/en-US';
import { CorruptProfileError } from '../store/codec';
import { StoreUnavailableError, VersionConflictError, type Profile, type ProfileKey } from '../store/types';
import type { Caller } from './auth';
import * as care from './careAnswers';
import type { McpDeps } from './deps';

const ACTIVITY = z
  .string()
  .min(1)
  .max(80)
  .describe('What the patient asks about, in their words: "makeup", "foundation", "ibuprofen", "Advil", "gym", "sauna", "retinol", "ice", "sun", "moisturizer"…');
const DAY = z.number().int().min(-3650).max(3650).optional().describe('A recovery day number; day 1 is the treatment day. Use it when the patient says "on day 9".');
const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .describe('A calendar date (YYYY-MM-DD) the patient asks about: tomorrow, Saturday, December 4th. Ignored when `day` is given.');
const SPOKEN_DATE = z
  .string()
  .min(1)
  .max(20)
  .describe(
    'The treatment day as the patient said it, in Alexa date form: a full date "2026-11-20"; without a year "XXXX-11-20"; a day of the month alone "XXXX-XX-20"; a weekday as its coming date. ' +
      'A week ("2026-W47"), a month ("2026-11") or a season is too vague and is asked back. After a yes to a question, pass its facts.candidate here with confirmed: true.',
  );
const WEEKDAY = z
  .enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])
  .optional()
  .describe('Only when the patient named a weekday alone ("on Friday") and no date is given.');
const REJECTED = z
  .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
  .max(20)
  .optional()
  .describe('Days the patient already said no to: after a no, call again with the same date and add that facts.candidate here; the next reading is offered.');
const CONFIRMED = z
  .boolean()
  .optional()
  .describe('true only after the patient said yes to the exact date this tool last asked about (its facts.candidate, passed as date).');

const WEEK = z
  .string()
  .regex(/^\d{4}-W\d{2}(-WE)?$/)
  .optional()
  .describe('A week ("2026-W46", "next week") or a weekend ("2026-W45-WE", "this weekend") the patient asks about, in Alexa date form: answered for each of its days.');
/** The kind of question, as the patient asked it (domain/meaning: QuestionKind). */
const QUESTION_KINDS = { can_i: 'canI', do_i_still_need: 'need', can_i_stop: 'canStop', how_long: 'howLong', when_will_i_see_results: 'whenWill' } as const;
const QUESTION = z
  .enum(['can_i', 'do_i_still_need', 'can_i_stop', 'how_long', 'when_will_i_see_results'])
  .optional()
  .describe(
    'How the patient asked: "can I …" (default); "do I still need / do I have to …" (do_i_still_need); "can I stop …" (can_i_stop); "how long will I peel / be red / need sunscreen" (how_long, activity = the symptom or thing); "when will I see results" (when_will_i_see_results, activity = "results").',
  );
const ISO = z.string().describe('YYYY-MM-DD');
/**
 * The facts every result may carry (more, per tool, may follow): a host that rephrases `say` still has
 * the day, the dates and whether the answer is a question back.
 */
const OUTPUT = z.looseObject({
  say: z.string().describe('What to tell the patient: the sentence the classic skill says.'),
  disclaimer: z.string().describe("The clinic's disclaimer, to say with care answers."),
  day: z.number().int().nullable().optional().describe('The recovery day the answer is about (day 1 = treatment day).'),
  date: ISO.optional().describe('The calendar date of that day.'),
  today: ISO.optional(),
  todayDay: z.number().int().optional().describe("Today's recovery day."),
  treatmentDate: ISO.nullable().optional(),
  allowed: z.boolean().optional().describe('Whether the activity is fine on that day.'),
  allowedFromDay: z.number().int().optional(),
  allowedFromDate: ISO.optional().describe('The first date the activity is fine.'),
  source: z
    .union([z.object({ article: z.string() }), z.object({ clinic: z.string(), reviewedByClinic: z.boolean() })])
    .optional()
    .describe("Where the care fact comes from: the clinic's article (its sentence), or the clinic's own reading."),
  reviewedByClinic: z.boolean().optional().describe('false: a reading of the article the clinic has not confirmed yet.'),
  needs: z.string().optional().describe('Set when the answer is a question back: treatment_date, exact_day, month_and_day, past_day, confirmation, date_after_current, day.'),
  candidate: ISO.optional().describe('With needs=confirmation: the date to confirm; pass it back with confirmed: true after a yes.'),
  saved: z.boolean().optional(),
  deleted: z.boolean().optional(),
  error: z.string().optional(),
});

/** What every tool returns: the skill's sentence and the disclaimer for the host to say, the facts beside it. */
function result(protocolDisclaimer: string, answer: care.CareAnswer, isError = false): CallToolResult {
  const structuredContent = { ...answer.facts, say: answer.say, disclaimer: protocolDisclaimer };
  return {
    content: [
      { type: 'text', text: `${answer.say}\n\n${protocolDisclaimer}` },
      { type: 'text', text: JSON.stringify(structuredContent) },
    ],
    structuredContent,
    ...(isError && { isError: true }),
  };
}

interface Patient {
  readonly key: ProfileKey;
  readonly profile: Profile | undefined;
  readonly today: IsoDate;
}

/** Registers the add-on's tools for one request's caller (a new server per request: nothing is shared). */
export function registerTools(server: McpServer, deps: McpDeps, caller: Caller): void {
  const { protocol } = deps;
  const answer = (a: care.CareAnswer, isError = false) => result(protocol.disclaimer, a, isError);

  /** The patient's key; a service-tier caller has none, and is refused before any read. */
  const patientKey = caller.tier === 'patient' ? caller.key : undefined;
  const refused = () => answer({ say: addon.linkAccountFirst(), facts: { error: 'user_authorization_required' } }, true);

  /** A store that cannot answer, or a record changed by another request too often: said, never "no data". */
  const guardStore = async (run: () => Promise<CallToolResult>): Promise<CallToolResult> => {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof StoreUnavailableError || e instanceof VersionConflictError)) throw e;
      deps.log.warn('mcp_store_unavailable', { error: e.name });
      return answer({ say: en.storeDown().text, facts: { error: 'store_unavailable' } }, true);
    }
  };

  /** Runs a patient tool on their stored profile and their own "today". */
  const asPatient = async (run: (p: Patient) => Promise<CallToolResult>): Promise<CallToolResult> => {
    if (!patientKey) return refused();
    return guardStore(async () => {
      const profile = (await deps.store.load(patientKey))?.profile;
      const today = localDate(deps.clock(), profile?.timeZone ?? deps.config.defaultTimeZone);
      return run({ key: patientKey, profile, today });
    });
  };
  const withDate = (p: Patient, run: (treatment: IsoDate) => CallToolResult): CallToolResult =>
    p.profile?.treatmentDate ? run(p.profile.treatmentDate) : answer(care.needDate());

  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

  server.registerTool(
    'get_today_plan',
    {
      title: "Today's aftercare",
      outputSchema: OUTPUT,
      description:
        'What the patient should do today after their microneedling treatment: their recovery day number, what the skin is doing, what to do, and what is still off limits with the date each becomes fine. Use for "what should I do today?" or "what day am I on?".',
      annotations: readOnly,
    },
    (_args: unknown) =>
      asPatient(async (p) => withDate(p, (t) => answer(care.dayPlan(protocol, t, p.today, dayNumber(t, p.today))))),
  );

  server.registerTool(
    'get_day_plan',
    {
      title: "Another day's aftercare",
      outputSchema: OUTPUT,
      description: 'The aftercare plan of another recovery day: "what about tomorrow?", "what should I do on Saturday?", "what about day 9?". Give `day` or `date`.',
      inputSchema: { day: DAY, date: DATE },
      annotations: readOnly,
    },
    (args) =>
      asPatient(async (p) =>
        withDate(p, (t) => {
          const day = care.dayAsked(t, args);
          return day === undefined ? answer({ say: en.askWhichDay().text, facts: { needs: 'day' } }) : answer(care.dayPlan(protocol, t, p.today, day));
        }),
      ),
  );

  server.registerTool(
    'can_i',
    {
      title: 'Can I …?',
      outputSchema: OUTPUT,
      description:
        'Whether the patient may do something during microneedling recovery — wear makeup, take ibuprofen or other anti-inflammatories, exercise, sauna, ice, exfoliate, retinoids, acids, fragrance, sun — today or on a given day, with the day and date it becomes fine. Use for "can I wear makeup yet?", "can I go to the gym tomorrow?".',
      inputSchema: { activity: ACTIVITY, day: DAY, date: DATE, week: WEEK, question: QUESTION },
      annotations: readOnly,
    },
    (args) =>
      asPatient(async (p) =>
        withDate(p, (t) => {
          const day = care.dayAsked(t, args);
          const ask = { kind: QUESTION_KINDS[args.question ?? 'can_i'], span: spanAsked(args.week) };
          return answer(care.canI(protocol, t, p.today, args.activity, day, ask) ?? care.unknownActivity(protocol, args.activity));
        }),
      ),
  );

  server.registerTool(
    'when_can_i',
    {
      title: 'When can I …?',
      outputSchema: OUTPUT,
      description: 'From which recovery day and calendar date the patient may do something again (makeup, ibuprofen, exercise, sauna, ice, exfoliation, retinoids, acids, fragrance, sun). Use for "when can I wear makeup?".',
      inputSchema: { activity: ACTIVITY },
      annotations: readOnly,
    },
    (args) =>
      asPatient(async (p) => withDate(p, (t) => answer(care.whenCanI(protocol, t, p.today, args.activity) ?? care.unknownActivity(protocol, args.activity)))),
  );

  server.registerTool(
    'get_next_session',
    {
      title: 'Next session',
      outputSchema: OUTPUT,
      description: 'When the patient can book their next (follow-up) microneedling session, and the clinic to call. Use for "when is my next session?".',
      annotations: readOnly,
    },
    (_args: unknown) => asPatient(async (p) => withDate(p, (t) => answer(care.nextSession(protocol, t, p.today)))),
  );

  const saveDate = (newTreatment: boolean) => (args: { date?: string; weekday?: string; rejected?: string[]; confirmed?: boolean; timeZone?: string }) =>
    asPatient(async (p) => {
      const zone = args.timeZone && isKnownTimeZone(args.timeZone) ? args.timeZone : undefined;
      const today = zone ? localDate(deps.clock(), zone) : p.today;
      const rejected = (args.rejected ?? []).flatMap((d) => parseIsoDate(d) ?? []);
      const decision = care.decideTreatmentDate({ ...args, rejected }, today, p.profile?.treatmentDate, newTreatment);
      if (decision.kind !== 'save') return answer(decision.answer);
      const saved = await deps.store.update(p.key, (current) => withTreatmentDate(current, decision.date, newTreatment, zone));
      return answer(care.dateSaved(decision.date, today, newTreatment, saved?.profile.history ?? []));
    });
  const dateInput = {
    date: SPOKEN_DATE.optional(),
    weekday: WEEKDAY,
    rejected: REJECTED,
    confirmed: CONFIRMED,
    timeZone: z.string().max(64).optional().describe('The patient\'s IANA time zone (e.g. "America/Los_Angeles"), when known; it decides what "today" is.'),
  };

  server.registerTool(
    'set_treatment_date',
    {
      title: 'Set or correct the treatment date',
      outputSchema: OUTPUT,
      description:
        'Saves the day of the patient\'s microneedling treatment, or corrects it ("my treatment was last Friday", "no, it was the 20th"). An unclear or guessed day comes back as a question (facts.needs); nothing is saved until the day is definite. Ask the patient that question and call again.',
      inputSchema: dateInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    saveDate(false),
  );

  server.registerTool(
    'start_new_treatment',
    {
      title: 'A new treatment',
      outputSchema: OUTPUT,
      description: 'Records a new microneedling treatment after the current one ("I had another session today"); the earlier date is kept as history. Unclear days are asked back, as for set_treatment_date.',
      inputSchema: dateInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    saveDate(true),
  );

  server.registerTool(
    'forget_me',
    {
      title: 'Delete my data',
      outputSchema: OUTPUT,
      description: 'Deletes everything the add-on keeps for the patient (treatment dates, time zone). Call first without `confirmed` to get the question; call with confirmed: true only after the patient said yes.',
      inputSchema: { confirmed: z.boolean().optional().describe('true only after the patient confirmed they want everything deleted.') },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async (args) => {
      if (!patientKey) return refused();
      if (args.confirmed !== true) return answer({ say: en.confirmForget().text, facts: { deleted: false, needs: 'confirmation' } });
      return guardStore(async () => {
        // A record that cannot be read any more is deleted all the same: being forgotten does not depend on it.
        const stored = await deps.store.load(patientKey).catch((e: unknown) => {
          if (e instanceof CorruptProfileError) return 'unreadable' as const;
          throw e;
        });
        if (stored === undefined) return answer({ say: en.nothingToForget(), facts: { deleted: false, nothingStored: true } });
        await deps.store.delete(patientKey);
        deps.log.info('profile_deleted', { reason: 'user_request' });
        return answer({ say: en.forgotten(), facts: { deleted: true } });
      });
    },
  );

  server.registerTool(
    'symptom_help',
    {
      title: 'A symptom or worry',
      outputSchema: OUTPUT,
      description:
        'Whenever the patient mentions a symptom or a worry (redness, swelling, pain, itching, peeling, bumps, bleeding, "is this normal?"): this never assesses it. It says what the clinic\'s guide calls normal on their day when that is all they describe, otherwise the clinic\'s phone and emergency line. Never answer a symptom question yourself, and never suggest a remedy.',
      inputSchema: {
        symptom: z.string().min(1).max(200).describe('What the patient describes, in their own words ("my skin is peeling", "my face is swollen and hot").'),
        worried: z.boolean().optional().describe('true when the patient asks whether to worry, or says it is getting worse: always the clinic.'),
      },
      annotations: readOnly,
    },
    (args) => asPatient(async (p) => answer(care.symptom(protocol, p.profile?.treatmentDate, p.today, args.symptom, args.worried === true))),
  );
}
