import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { IsoDate } from '../../domain/calendar';
import { planForDay } from '../../domain/care';
import type { Protocol } from '../../protocol/types';
import { dayView, type DayView } from '../../screens/dayView';
import { dayLabels } from '../../screens/labels.en-US';

/** Where a tool result carries the day view: in `_meta`, for the view only; the model reads the text and the facts. */
export const VIEW_KEY = 'aftercare/view';

export interface DayViewData {
  readonly day: DayView;
  readonly labels: ReturnType<typeof dayLabels>;
  /** The answer's own sentence, shown above the day (a "can I" answer). */
  readonly say?: string;
  /** The activity asked about, marked in the list. */
  readonly asked?: string;
}

/** The day view of a recovery day (the plan the sentence was made from); none before the treatment. */
export function dayViewData(protocol: Protocol, treatment: IsoDate, today: IsoDate, day: number, answer: { say?: string; asked?: string } = {}): DayViewData | undefined {
  if (day < 1) return undefined;
  return { day: dayView(planForDay(protocol, treatment, day), today, treatment), labels: dayLabels(), ...answer };
}

/** The result, with the day view beside it for a host that shows UI; its text and facts are unchanged. */
export function withDayView(result: CallToolResult, view: DayViewData | undefined): CallToolResult {
  return view ? { ...result, _meta: { ...result._meta, [VIEW_KEY]: view } } : result;
}
