import { daysBetween, type IsoDate } from '../domain/calendar';
import { followUp } from '../domain/care';
import { en } from '../speech/en-US';
import { answerOf, cite, type Answer, type CitedSource } from './answer';
import type { Patient } from './patient';

export type NextSessionData = {
  readonly day: number;
  readonly today: IsoDate;
  readonly treatmentDate: IsoDate;
  readonly bookableFromDay: number;
  readonly bookableFromDate: IsoDate;
  readonly bookableNow: boolean;
  readonly daysToWait: number;
} & CitedSource;

/** "When is my next session?": bookable from the protocol's follow-up day, and the clinic to call. */
export function nextSessionAnswer(p: Patient): Answer<NextSessionData> {
  const f = followUp(p.protocol, p.treatment, p.day);
  const source = cite(p.protocol.followUp.source);
  const data: NextSessionData = {
    day: p.day,
    today: p.today,
    treatmentDate: p.treatment,
    bookableFromDay: f.fromDay,
    bookableFromDate: f.fromDate,
    bookableNow: f.bookableNow,
    daysToWait: Math.max(0, daysBetween(p.today, f.fromDate)),
    ...source,
  };
  return answerOf(en.nextSession(f, p.today, p.protocol), data, [source]);
}

/** "What day am I on?" */
export const whatDayAnswer = (p: Patient): Answer<{ readonly day: number; readonly today: IsoDate; readonly treatmentDate: IsoDate }> =>
  answerOf(en.whatDay(p.day, p.treatment), { day: p.day, today: p.today, treatmentDate: p.treatment });
