import type { ActivityData, FixedData } from '../answers/activity';
import type { Answer } from '../answers/answer';
import type { DayPlanData } from '../answers/dayPlan';
import type { NextSessionData } from '../answers/followUp';
import type { SymptomData } from '../answers/symptom';
import type { Protocol } from '../protocol/types';
import { clinicPhone } from '../speech/clinic';
import { activityView, dayView, fixedView, nextSessionView, symptomView, type AnswerView, type DayView } from './dayView';

/** What a screen shows with an answer: the day screen for a day plan, the compact screen for the rest. */
export type Screen = { readonly kind: 'day'; readonly view: DayView } | { readonly kind: 'answer'; readonly view: AnswerView };

type Data = Readonly<Record<string, unknown>>;
const has = (d: Data, key: string): boolean => d[key] !== undefined;

const isDayPlan = (a: Answer<object>): a is Answer<DayPlanData> => has(a.data as Data, 'offLimits') && has(a.data as Data, 'skin');
const isActivity = (a: Answer<object>): a is Answer<ActivityData> =>
  typeof (a.data as Data).activity === 'string' && has(a.data as Data, 'kind') && has(a.data as Data, 'day');
const isFixed = (a: Answer<object>): a is Answer<FixedData> =>
  ['prescription', 'tanning'].includes((a.data as Data).activity as string) && !has(a.data as Data, 'kind');
const isNextSession = (a: Answer<object>): a is Answer<NextSessionData> => has(a.data as Data, 'bookableFromDay');
const isSymptom = (a: Answer<object>): a is Answer<SymptomData> => (a.data as Data).assessed === false;

/**
 * The screen of an answer of the core, by the kind of data it carries; none for the answers with
 * nothing to show (a question back, a day before the treatment, words that name no activity).
 * `heard` is the patient's own word, the heading of a prescription or tanning answer.
 */
export function screenOf(protocol: Protocol, answer: Answer<object>, heard?: string): Screen | undefined {
  if (isDayPlan(answer)) return { kind: 'day', view: dayView(protocol, answer.data) };
  if (isActivity(answer)) return { kind: 'answer', view: activityView(answer) };
  if (isFixed(answer)) return { kind: 'answer', view: fixedView(answer, heard) };
  if (isNextSession(answer)) return { kind: 'answer', view: nextSessionView(answer, clinicPhone(protocol.clinic)) };
  if (isSymptom(answer)) return { kind: 'answer', view: symptomView(answer) };
  return undefined;
}
