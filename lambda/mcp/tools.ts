import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { activityAnswer, unknownActivity } from '../answers/activity';
import { answerOf, type Answer } from '../answers/answer';
import { dayAsked, dayPlanAnswer } from '../answers/dayPlan';
import { nextSessionAnswer } from '../answers/followUp';
import { patientOn, type Patient } from '../answers/patient';
import { symptomHelp } from '../answers/symptom';
import { dateSavedAnswer, decideConfirmedDate, decideRejectedDate, decideSaidDate, type DateContext } from '../answers/treatmentDate';
import { parseIsoDate, type IsoDate } from '../domain/calendar';
import { dayNumber } from '../domain/care';
import { spanAsked } from '../domain/meaning';
import { isKnownTimeZone, localClockTime, localDate } from '../services/zoneClock';
import { addon } from '../speech/addon.en-US';
import { en } from '../speech/en-US';
import { CorruptProfileError } from '../store/codec';
import { withTreatmentDate } from '../store/treatmentHistory';
import { StoreUnavailableError, VersionConflictError, type Profile, type ProfileKey } from '../store/types';
import type { Caller } from './auth';
import { activityWords } from './descriptions';
import type { McpDeps } from './deps';
import { OUTPUTS } from './outputs';
import { dayViewTool, registerDayView } from './ui/dayViewResource';
import { dayViewData, withDayView } from './ui/view';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = z
  .number()
  .int()
  .min(1)
  .max(3650)
  .optional()
  .describe('A recovery day number, 1 to 3650; day 1 is the treatment day. Use it when the patient says "on day 9".');
const DATE = z
  .string()
  .regex(ISO_DATE)
  .optional()
  .describe('A calendar date (YYYY-MM-DD) the patient asks about: tomorrow, Saturday, December 4th. Ignored when `day` is given.');
const SPOKEN_DATE = z
  .string()
  .min(1)
  .max(20)
  .describe(
    'The treatment day as the patient said it: a full date "2026-11-20" (taken as said: a day still to come is refused); without a year "XXXX-11-20"; a day of the month alone "XXXX-XX-20". ' +
      'A weekday said alone goes in `weekday` instead. A week ("2026-W47"), a month ("2026-11") or a season is too vague and is asked back. After a yes to a question, pass its candidate here with confirmed: true.',
  );
const WEEKDAY = z
  .enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])
  .optional()
  .describe('Only when the patient named a weekday alone ("on Friday", "last Friday") and no date is given.');
const REJECTED = z
  .array(z.string().regex(ISO_DATE))
  .max(20)
  .optional()
  .describe(
    'Days the patient already said no to: after a no, call again with the same words and add that candidate here; the next reading is offered (a no to changing a stored date keeps it).',
  );
const CONFIRMED = z
  .boolean()
  .optional()
  .describe('true only after the patient said yes to the exact date this tool last asked about (its candidate, passed as date).');
const TIME_ZONE = z
  .string()
  .max(64)
  .optional()
  .describe(
    'The patient\'s IANA time zone (e.g. "America/Los_Angeles"), when known; it decides what "today" is. An unknown name is refused and nothing is saved.',
  );

const WEEK = z
  .string()
  .regex(/^\d{4}-W\d{2}(-WE)?$/)
  .optional()
  .describe(
    'A week ("2026-W46": "next week") or a weekend ("2026-W45-WE": "this weekend") the patient asks about, in Alexa date form: answered for its days.',
  );
/** How the patient asked (domain/meaning: QuestionKind). */
const QUESTION_KINDS = {
  can_i: 'canI',
  do_i_still_need: 'need',
  can_i_stop: 'canStop',
  how_long: 'howLong',
  when_will_i_see_results: 'whenWill',
} as const;
const QUESTION = z
  .enum(['can_i', 'do_i_still_need', 'can_i_stop', 'how_long', 'when_will_i_see_results'])
  .optional()
  .describe(
    'How the patient asked: "can I …" (the default); "do I still need / do I have to …" (do_i_still_need); "can I stop …" (can_i_stop); "how long will I peel / be red" (how_long, activity = the symptom); "when will I see results" (when_will_i_see_results, activity = "results").',
  );

/** What every tool returns: the core's sentence and the disclaimer for the host to say, the core's data beside it. */
function result(disclaimer: string, answer: Answer<object>, isError = false): CallToolResult {
  const structuredContent = { ...answer.data, say: answer.sentence.text, disclaimer };
  return {
    content: [
      { type: 'text', text: `${answer.sentence.text}\n\n${disclaimer}` },
      { type: 'text', text: JSON.stringify(structuredContent) },
    ],
    structuredContent,
    ...(isError && { isError: true }),
  };
}

interface Visit {
  readonly key: ProfileKey;
  readonly profile: Profile | undefined;
  readonly today: IsoDate;
  readonly zone: string;
}

/** Registers the add-on's tools for one request's caller (a new server per request: nothing is shared). */
export function registerTools(server: McpServer, deps: McpDeps, caller: Caller): void {
  const { protocol } = deps;
  const answer = (a: Answer<object>, isError = false) => result(protocol.disclaimer, a, isError);
  const words = activityWords(protocol);
  const ACTIVITY = z.string().min(1).max(80).describe(`What the patient asks about, in their words: ${words.examples}…`);

  /** The patient's key; a service-tier caller has none, and is refused before any read. */
  const patientKey = caller.tier === 'patient' ? caller.key : undefined;
  const refused = () => answer(answerOf(addon.linkAccountFirst(), { error: 'user_authorization_required' }), true);

  /** A store that cannot answer, or a record changed by another request too often: said, never "no data". */
  const guardStore = async (run: () => Promise<CallToolResult>): Promise<CallToolResult> => {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof StoreUnavailableError || e instanceof VersionConflictError)) throw e;
      deps.log.warn('mcp_store_unavailable', { error: e.name });
      // Contention is not an outage: the store answered, another write just kept winning.
      if (e instanceof VersionConflictError) return answer(answerOf(addon.busy(), { error: 'busy' }), true);
      return answer(answerOf(en.storeDown(), { error: 'store_unavailable' }), true);
    }
  };

  /** Runs a patient tool on their stored profile and their own "today". */
  const asPatient = async (run: (v: Visit) => Promise<CallToolResult>): Promise<CallToolResult> => {
    if (!patientKey) return refused();
    return guardStore(async () => {
      const profile = (await deps.store.load(patientKey))?.profile;
      const zone = profile?.timeZone ?? deps.config.defaultTimeZone;
      return run({ key: patientKey, profile, today: localDate(deps.clock(), zone), zone });
    });
  };
  /** The answers core's patient, as the skill builds it; a patient with no date is asked for it. */
  const withPatient = (v: Visit, run: (p: Patient) => CallToolResult): CallToolResult => {
    const treatmentDate = v.profile?.treatmentDate;
    if (!treatmentDate) return answer(answerOf(en.needDateFirst(), { treatmentDate: null, needs: 'treatment_date' }));
    return run(patientOn(protocol, { ...v.profile, treatmentDate }, v.today, () => localClockTime(deps.clock(), v.zone)));
  };
  /** A day the host named: `day` wins (1–3650), else `date` — read as the skill reads a spoken day. */
  const asked = (p: Patient, args: { day?: number; date?: string }) =>
    dayAsked(p, { dayNumber: args.day === undefined ? undefined : String(args.day), date: args.date });

  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;
  // The day plan and "can I" show the day view on hosts with MCP Apps; their text stays complete without it.
  registerDayView(server);
  const registerWithView = dayViewTool(server);
  /** The result of `said` with the day view of `plan` (a day-plan answer) beside it. */
  const withView = (plan: Answer<object>, said: Answer<object> = plan) =>
    withDayView(answer(said), dayViewData(protocol, plan, said === plan ? undefined : said));

  registerWithView(
    'get_today_plan',
    {
      title: "Today's aftercare",
      outputSchema: OUTPUTS.day,
      description:
        'What the patient should do today after their microneedling treatment: their recovery day number, what the skin is doing, what to do, and what is still off limits with the date each becomes fine. Use for "what should I do today?" or "what day am I on?".',
      annotations: readOnly,
    },
    (_args: unknown) => asPatient(async (v) => withPatient(v, (p) => withView(dayPlanAnswer(p, p.day)))),
  );

  registerWithView(
    'get_day_plan',
    {
      title: "Another day's aftercare",
      outputSchema: OUTPUTS.day,
      description:
        'The aftercare plan of another recovery day: "what about tomorrow?", "what should I do on Saturday?", "what about day 9?". Give `day` or `date`.',
      inputSchema: { day: DAY, date: DATE },
      annotations: readOnly,
    },
    (args) =>
      asPatient(async (v) =>
        withPatient(v, (p) => {
          const day = asked(p, args);
          if (day === undefined) return answer(answerOf(en.askWhichDay(), { needs: 'day' }));
          return withView(dayPlanAnswer(p, day));
        }),
      ),
  );

  const activityTool =
    (kind: 'canI' | 'whenCanI') =>
    (args: { activity: string; day?: number; date?: string; week?: string; question?: keyof typeof QUESTION_KINDS }) =>
      asPatient(async (v) =>
        withPatient(v, (p) => {
          const span = spanAsked(args.week);
          const day = span ? undefined : asked(p, args);
          const q = { kind: args.question ? QUESTION_KINDS[args.question] : kind, word: args.activity, heard: args.activity, day, span };
          const said = activityAnswer(p, q) ?? unknownActivity(protocol, args.activity);
          // "Can I" shows the day it is about, its answer on top; "when can I" has no view.
          return kind === 'canI' ? withView(dayPlanAnswer(p, day ?? p.day), said) : answer(said);
        }),
      );

  registerWithView(
    'can_i',
    {
      title: 'Can I …?',
      outputSchema: OUTPUTS.activity,
      description: `Whether the patient may do something during microneedling recovery — ${words.topics} — today or on a given day, with the day and date it becomes fine. Use for "can I wear makeup yet?", "can I go to the gym tomorrow?".`,
      inputSchema: { activity: ACTIVITY, day: DAY, date: DATE, week: WEEK, question: QUESTION },
      annotations: readOnly,
    },
    activityTool('canI'),
  );

  server.registerTool(
    'when_can_i',
    {
      title: 'When can I …?',
      outputSchema: OUTPUTS.activity,
      description: `From which recovery day and calendar date the patient may do something again — ${words.topics}. Use for "when can I wear makeup?".`,
      inputSchema: { activity: ACTIVITY },
      annotations: readOnly,
    },
    activityTool('whenCanI'),
  );

  server.registerTool(
    'get_next_session',
    {
      title: 'Next session',
      outputSchema: OUTPUTS.nextSession,
      description:
        'When the patient can book their next (follow-up) microneedling session, and the clinic to call. Use for "when is my next session?".',
      annotations: readOnly,
    },
    (_args: unknown) => asPatient(async (v) => withPatient(v, (p) => answer(nextSessionAnswer(p)))),
  );

  type DateArgs = { date?: string; weekday?: string; rejected?: string[]; confirmed?: boolean; timeZone?: string };
  const saveDate = (newTreatment: boolean) => (args: DateArgs) =>
    asPatient(async (v) => {
      if (args.timeZone !== undefined && !isKnownTimeZone(args.timeZone)) {
        return answer(answerOf(addon.unknownTimeZone(), { error: 'invalid_time_zone' }), true);
      }
      const zone = args.timeZone;
      const ctx: DateContext = { today: zone ? localDate(deps.clock(), zone) : v.today, stored: v.profile?.treatmentDate, newTreatment };
      const said = { date: args.date, weekday: args.weekday };
      const rejected = (args.rejected ?? []).flatMap((d) => parseIsoDate(d) ?? []);
      const confirmed = args.confirmed === true && args.weekday === undefined ? parseIsoDate(args.date ?? '') : undefined;
      const decision = confirmed
        ? decideConfirmedDate(confirmed, ctx)
        : rejected.length > 0
          ? decideRejectedDate({ said, form: 'exact', rejected }, ctx)
          : decideSaidDate({ said, form: 'exact' }, ctx);
      if (decision.kind !== 'save') return answer(decision.answer);
      const saved = await deps.store.update(v.key, (current) => withTreatmentDate(current, decision.date, newTreatment, zone));
      const done = dateSavedAnswer(decision.date, ctx, saved?.profile.history ?? []);
      return answer({ ...done, sentence: { text: `${done.sentence.text} ${en.afterDateSaved()}` } });
    });
  const dateInput = { date: SPOKEN_DATE.optional(), weekday: WEEKDAY, rejected: REJECTED, confirmed: CONFIRMED, timeZone: TIME_ZONE };

  server.registerTool(
    'set_treatment_date',
    {
      title: 'Set or correct the treatment date',
      outputSchema: OUTPUTS.date,
      description:
        'Saves the day of the patient\'s microneedling treatment, or corrects it ("my treatment was last Friday", "no, it was the 20th"). An unclear or guessed day, a day far back, or a change of the stored date comes back as a question (needs); nothing is saved until the day is definite. Ask the patient that question and call again.',
      inputSchema: dateInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    saveDate(false),
  );

  server.registerTool(
    'start_new_treatment',
    {
      title: 'A new treatment',
      outputSchema: OUTPUTS.date,
      description:
        'Records a new microneedling treatment after the current one ("I had another session today"); the earlier date is kept as history. Unclear days are asked back, as for set_treatment_date.',
      inputSchema: dateInput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    saveDate(true),
  );

  server.registerTool(
    'forget_me',
    {
      title: 'Delete my data',
      outputSchema: OUTPUTS.forget,
      description:
        'Deletes everything the add-on keeps for the patient (treatment dates, time zone). Call first without `confirmed` to get the question; call with confirmed: true only after the patient said yes.',
      inputSchema: { confirmed: z.boolean().optional().describe('true only after the patient confirmed they want everything deleted.') },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
    },
    async (args) => {
      if (!patientKey) return refused();
      if (args.confirmed !== true) return answer(answerOf(en.confirmForget(), { deleted: false, needs: 'confirmation' }));
      return guardStore(async () => {
        // A record that cannot be read any more is deleted all the same: being forgotten does not depend on it.
        const stored = await deps.store.load(patientKey).catch((e: unknown) => {
          if (e instanceof CorruptProfileError) return 'unreadable' as const;
          throw e;
        });
        if (stored === undefined) return answer(answerOf(en.nothingToForget(), { deleted: false, nothingStored: true }));
        await deps.store.delete(patientKey);
        deps.log.info('profile_deleted', { reason: 'user_request' });
        return answer(answerOf(en.forgotten(), { deleted: true }));
      });
    },
  );

  server.registerTool(
    'symptom_help',
    {
      title: 'A symptom or worry',
      outputSchema: OUTPUTS.symptom,
      description:
        'Whenever the patient mentions a symptom or a worry (redness, swelling, pain, itching, peeling, bumps, bleeding, "is this normal?"): this never assesses it. It says what the clinic\'s guide calls normal on their day when that is all they describe, otherwise the clinic\'s phone and emergency line. Never answer a symptom question yourself, and never suggest a remedy.',
      inputSchema: {
        symptom: z
          .string()
          .min(1)
          .max(200)
          .describe('What the patient describes, in their own words ("my skin is peeling", "my face is swollen and hot").'),
        worried: z
          .boolean()
          .optional()
          .describe('true when the patient asks whether to worry, or says it is getting worse: always the clinic.'),
      },
      annotations: readOnly,
    },
    (args) =>
      asPatient(async (v) => {
        const treatment = v.profile?.treatmentDate;
        const day = treatment ? dayNumber(treatment, v.today) : undefined;
        return answer(symptomHelp(protocol, args.symptom, { day, worried: args.worried === true }));
      }),
  );
}
