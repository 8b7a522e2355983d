import type { HandlerInput } from 'ask-sdk-core';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import type { Answer } from '../../answers/answer';
import type { Protocol } from '../../protocol/types';
import type { AnswerView, DayView } from '../../screens/dayView';
import { dayLabels } from '../../screens/labels.en-US';
import { screenOf, type Screen } from '../../screens/screenOf';
import answerDocument from './answerScreen.json';
import dayDocument from './dayScreen.json';

/**
 * The Echo Show side of an answer: the day screen for a day plan, the compact screen for the rest.
 * The documents are static (APL 2024.2, checked by apl-suggester in test/screens); only their data
 * changes, and it is the answer's own (lambda/screens/dayView.ts).
 */
export type { Screen };

export const APL_INTERFACE = 'Alexa.Presentation.APL';
export const DAY_TOKEN = 'aftercare-day';
export const ANSWER_TOKEN = 'aftercare-answer';

/** Only a device that declares APL gets a document; any other gets none (an Echo Dot, a car, the app). */
export function supportsApl(envelope: RequestEnvelope | undefined): boolean {
  const declared = envelope?.context?.System?.device?.supportedInterfaces as Record<string, unknown> | undefined;
  return declared?.[APL_INTERFACE] !== undefined;
}

/** The day screen's data: the view flattened to what the document binds (strings, never missing). */
export function dayDatasource(view: DayView) {
  return {
    screen: {
      title: view.title,
      date: view.date,
      skin: view.skin,
      todo: view.todo,
      todoUntil: view.todoUntil ?? '',
      sunText: view.sun?.text ?? '',
      sunUntil: view.sun?.until ?? '',
      offLimits: view.offLimits.map((r) => ({ id: r.id, name: r.name, until: r.until, note: r.note })),
      fineAgain: view.fineAgain.join(', '),
      followUp: view.followUp,
      strip: view.strip,
      stripIndex: view.stripIndex,
      labels: dayLabels(),
    },
  };
}

export const answerDatasource = (view: AnswerView) => ({ screen: { ...view, contacts: [...view.contacts] } });

export function renderDirective(screen: Screen): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return screen.kind === 'day'
    ? { type: 'Alexa.Presentation.APL.RenderDocument', token: DAY_TOKEN, document: dayDocument, datasources: dayDatasource(screen.view) }
    : {
        type: 'Alexa.Presentation.APL.RenderDocument',
        token: ANSWER_TOKEN,
        document: answerDocument,
        datasources: answerDatasource(screen.view),
      };
}

/** Adds the screen to a response being built, when there is one and the device can show it. */
export function withScreen(input: HandlerInput, screen: Screen | undefined): void {
  if (screen && supportsApl(input.requestEnvelope)) input.responseBuilder.addDirective(renderDirective(screen));
}

/** The screen of an answer of the core, only when the device can show it (nothing is built otherwise). */
export function screenFor(input: HandlerInput, protocol: Protocol, answer: Answer<object>, heard?: string): Screen | undefined {
  return supportsApl(input.requestEnvelope) ? screenOf(protocol, answer, heard) : undefined;
}
