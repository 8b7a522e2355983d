import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Answer } from '../../answers/answer';
import type { Protocol } from '../../protocol/types';
import type { DayView } from '../../screens/dayView';
import { dayLabels } from '../../screens/labels.en-US';
import { screenOf } from '../../screens/screenOf';

/** Where a tool result carries the day view: in `_meta`, for the view only; the model reads the text and the facts. */
export const VIEW_KEY = 'aftercare/view';

export interface DayViewData {
  readonly day: DayView;
  readonly labels: ReturnType<typeof dayLabels>;
  /** The answer's own sentence, shown above the day (a "can I" answer). */
  readonly say?: string;
  /** The protocol id of the activity asked about, marked in the list. */
  readonly asked?: string;
}

/**
 * The day view of a day-plan answer of the core; with `about`, the "can I" answer it is shown for (its
 * sentence above the day, its activity marked). None for an answer with no day to draw.
 */
export function dayViewData(protocol: Protocol, plan: Answer<object>, about?: Answer<object>): DayViewData | undefined {
  const screen = screenOf(protocol, plan);
  if (screen?.kind !== 'day') return undefined;
  const named = (about?.data as { activity?: unknown } | undefined)?.activity;
  const asked = typeof named === 'string' ? screen.view.offLimits.find((r) => r.name.toLowerCase() === named.toLowerCase())?.id : undefined;
  return { day: screen.view, labels: dayLabels(), ...(about && { say: about.sentence.text }), ...(asked && { asked }) };
}

/** The result, with the day view beside it for a host that shows UI; its text and facts are unchanged. */
export function withDayView(result: CallToolResult, view: DayViewData | undefined): CallToolResult {
  return view ? { ...result, _meta: { ...result._meta, [VIEW_KEY]: view } } : result;
}
