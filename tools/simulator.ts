import { randomUUID } from 'node:crypto';
import type { Directive, RequestEnvelope, ResponseEnvelope, SupportedInterfaces, ui } from 'ask-sdk-model';
import { daysBetween, type IsoDate } from '../lambda/domain/calendar';
import { localDate } from '../lambda/services/zoneClock';
import {
  connectionsResponse,
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  type EnvelopeOptions,
  type PermissionAnswer,
} from './envelope';
import { parseInvocation, type Nlu, type NluResult } from './nlu';

/**
 * A conversation with the skill as an Echo would hold it: typed lines become the requests Alexa would
 * send (launch, one-shot, in-session intents), session attributes travel between turns, and a session
 * closes when the skill ends it. Used by the conversation tests and by `npm start`.
 */

/** The Lambda entry point: promise style (ours) or callback style (ask-sdk's `.lambda()`). */
export type SkillHandler = (
  event: RequestEnvelope,
  // biome-ignore lint/suspicious/noExplicitAny: Lambda's Context, whatever the handler declares
  context: any,
  callback?: (error: unknown, result?: ResponseEnvelope) => void,
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback-style handler returns nothing
) => Promise<ResponseEnvelope> | void;

export interface ConversationOptions {
  readonly handler: SkillHandler;
  readonly nlu: Nlu;
  readonly apiEndpoint: string;
  readonly userId: string;
  readonly personId?: string;
  readonly deviceId: string;
  /** The instant each request is stamped with (Alexa's clock). */
  readonly now: () => Date;
  /** The user's zone: Alexa resolves "yesterday" or "friday" on the user's calendar. */
  readonly timeZone: string;
  readonly applicationId?: string;
  readonly apiAccessToken?: string;
  readonly locale?: string;
  readonly supportedInterfaces?: SupportedInterfaces;
}

export interface Turn {
  /** The line as typed, when the turn came from `say`. */
  readonly said?: string;
  /** What the NLU made of it, when it became an IntentRequest. */
  readonly nlu?: NluResult;
  readonly request: RequestEnvelope;
  readonly response: ResponseEnvelope;
  /** The answer as heard: SSML tags removed, entities unescaped, spaces collapsed. */
  readonly speech: string;
  readonly ssml: string;
  readonly reprompt?: string;
  readonly card?: { readonly type: string; readonly title?: string; readonly text: string };
  readonly directives: readonly Directive[];
  /** True when this turn closed the session (the next line starts a new one). */
  readonly sessionEnded: boolean;
  /** Set when the skill asked Alexa to ask the user for a permission by voice. */
  readonly permissionRequest?: { readonly scope: string };
}

interface OpenSession {
  readonly id: string;
  attributes: Record<string, unknown>;
  requests: number;
  pendingPermission?: { scope: string; token?: string };
  /** Silences since the skill last spoke: Alexa re-prompts once, then ends the session. */
  silences: number;
  /** The re-prompt of the skill's latest answer, which Alexa speaks on a silence. */
  reprompt?: string;
}

/** What a silence did: Alexa spoke the re-prompt, or (the second time) ended the session. */
export type Silence =
  | { readonly kind: 'reprompt'; readonly speech: string }
  | { readonly kind: 'ended'; readonly turn?: Turn }
  | { readonly kind: 'notListening' };

export class Conversation {
  readonly turns: Turn[] = [];
  private session: OpenSession | undefined;

  constructor(private readonly options: ConversationOptions) {}

  /** The instant a request sent now would carry. */
  now(): Date {
    return this.options.now();
  }

  /** The user's calendar day now, as the NLU resolves dates against it. */
  get today(): IsoDate {
    return localDate(this.options.now(), this.options.timeZone);
  }

  get sessionOpen(): boolean {
    return this.session !== undefined;
  }

  get sessionAttributes(): Readonly<Record<string, unknown>> {
    return this.session?.attributes ?? {};
  }

  get lastTurn(): Turn | undefined {
    return this.turns[this.turns.length - 1];
  }

  /** One spoken line: "open microneedling care", "ask microneedling care …", or anything said in (or as) a session. */
  async say(line: string): Promise<Turn> {
    const invocation = parseInvocation(line, this.options.nlu.invocationName);
    if (invocation.type === 'launch') {
      this.session = undefined;
      return this.launch(line);
    }
    if (invocation.type === 'oneshot') {
      this.session = undefined;
      return this.utter(invocation.utterance, line);
    }
    const pending = this.session?.pendingPermission;
    if (pending) return this.answerPermission(this.permissionAnswer(invocation.utterance), line);
    // Without an open session a plain request acts like a one-shot ("Alexa, ask … <line>").
    return this.utter(invocation.utterance, line);
  }

  /** A LaunchRequest in a new session. */
  async launch(said?: string): Promise<Turn> {
    this.session = undefined;
    const session = this.openSession();
    return this.exchange(launchRequest(this.requestOptions(session)), { said });
  }

  /** An IntentRequest with exactly these slots, in the open session (or a new one). */
  async intent(name: string, slots: Parameters<typeof intentRequest>[1] = {}): Promise<Turn> {
    const session = this.session ?? this.openSession();
    return this.exchange(intentRequest(name, slots, this.requestOptions(session)), {});
  }

  /** Alexa's Connections.Response to the skill's voice permission request. */
  async answerPermission(status: PermissionAnswer, said?: string): Promise<Turn> {
    const session = this.session ?? this.openSession();
    const pending = session.pendingPermission;
    session.pendingPermission = undefined;
    const request = connectionsResponse({ permissionScope: pending?.scope, status, token: pending?.token }, this.requestOptions(session));
    return this.exchange(request, { said });
  }

  /** A request outside any session (skill events): `build` gets the user, device and clock. */
  async event(build: (options: EnvelopeOptions) => RequestEnvelope): Promise<Turn> {
    return this.exchange(build(this.baseOptions()), { keepSession: true });
  }

  /**
   * The user says nothing when Alexa is listening. As on an Echo: the first time Alexa speaks the skill's
   * re-prompt itself (no request reaches the skill); the second time it ends the session, telling the
   * skill with a SessionEndedRequest (EXCEEDED_MAX_REPROMPTS). Outside a session nobody is listening.
   */
  async silence(): Promise<Silence> {
    const session = this.session;
    if (!session) return { kind: 'notListening' };
    session.silences += 1;
    if (session.silences === 1 && session.reprompt) return { kind: 'reprompt', speech: session.reprompt };
    return { kind: 'ended', turn: await this.end('EXCEEDED_MAX_REPROMPTS') };
  }

  /** The user walks away: a SessionEndedRequest when a session is open. */
  async end(reason: 'USER_INITIATED' | 'EXCEEDED_MAX_REPROMPTS' = 'USER_INITIATED'): Promise<Turn | undefined> {
    const session = this.session;
    if (!session) return undefined;
    const turn = await this.exchange(sessionEndedRequest(reason, this.requestOptions(session)), {});
    this.session = undefined;
    return turn;
  }

  private async utter(utterance: string, said: string): Promise<Turn> {
    const nlu = this.options.nlu.match(utterance, this.today);
    const session = this.session ?? this.openSession();
    return this.exchange(intentRequest(nlu.intent, nlu.slots, this.requestOptions(session)), { said, nlu });
  }

  /** Alexa asks "do you allow …?" itself; yes/no become the answer, anything else NOT_ANSWERED. */
  private permissionAnswer(utterance: string): PermissionAnswer {
    const intent = this.options.nlu.match(utterance, this.today).intent;
    if (intent === 'AMAZON.YesIntent') return 'ACCEPTED';
    if (intent === 'AMAZON.NoIntent') return 'DENIED';
    return 'NOT_ANSWERED';
  }

  private openSession(): OpenSession {
    this.session = { id: `amzn1.echo-api.session.${randomUUID()}`, attributes: {}, requests: 0, silences: 0 };
    return this.session;
  }

  private baseOptions(): EnvelopeOptions {
    const o = this.options;
    return {
      userId: o.userId,
      personId: o.personId,
      deviceId: o.deviceId,
      apiEndpoint: o.apiEndpoint,
      apiAccessToken: o.apiAccessToken ?? 'local-api-access-token',
      applicationId: o.applicationId,
      locale: o.locale,
      supportedInterfaces: o.supportedInterfaces,
      timestamp: o
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
    };
  }

  private requestOptions(session: OpenSession): EnvelopeOptions {
    return {
      ...this.baseOptions(),
      sessionId: session.id,
      newSession: session.requests === 0,
      sessionAttributes: session.requests === 0 ? undefined : session.attributes,
    };
  }

  private async exchange(request: RequestEnvelope, extra: { said?: string; nlu?: NluResult; keepSession?: boolean }): Promise<Turn> {
    const session = extra.keepSession ? undefined : this.session;
    if (session) session.requests += 1;
    const response = await invoke(this.options.handler, request);
    const turn = describe(request, response, extra);
    if (session) {
      session.attributes = { ...(response.sessionAttributes ?? {}) };
      session.silences = 0;
      session.reprompt = turn.reprompt;
      if (turn.permissionRequest) session.pendingPermission = { scope: turn.permissionRequest.scope, token: askForToken(turn.directives) };
    }
    const ended = session !== undefined && turn.sessionEnded;
    if (ended || request.request.type === 'SessionEndedRequest') this.session = undefined;
    this.turns.push(turn);
    return turn;
  }
}

/** The fields of a Lambda context a skill might read. */
function lambdaContext(requestId: string) {
  return {
    functionName: 'microneedling-care-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:microneedling-care-local',
    memoryLimitInMB: '256',
    awsRequestId: requestId,
    logGroupName: '/aws/lambda/microneedling-care-local',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 7000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function invoke(handler: SkillHandler, event: RequestEnvelope): Promise<ResponseEnvelope> {
  return new Promise<ResponseEnvelope>((resolve, reject) => {
    const callback = (error: unknown, result?: ResponseEnvelope) => (error ? reject(error) : resolve(result as ResponseEnvelope));
    try {
      const returned = handler(event, lambdaContext(event.request.requestId), callback);
      if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
    } catch (error) {
      reject(error);
    }
  });
}

function describe(request: RequestEnvelope, response: ResponseEnvelope, extra: { said?: string; nlu?: NluResult }): Turn {
  const r = response?.response ?? {};
  const directives = r.directives ?? [];
  const ssml = outputText(r.outputSpeech);
  const askFor = directives.find(isAskForDirective);
  const turn: Turn = {
    ...(extra.said !== undefined ? { said: extra.said } : {}),
    ...(extra.nlu ? { nlu: extra.nlu } : {}),
    request,
    response,
    ssml,
    speech: speechText(ssml),
    ...(r.reprompt?.outputSpeech ? { reprompt: speechText(outputText(r.reprompt.outputSpeech)) } : {}),
    ...(r.card ? { card: cardText(r.card) } : {}),
    directives,
    // The session stays open only when the skill asks (false) or waits for a permission answer.
    sessionEnded: r.shouldEndSession !== false && !askFor,
    ...(askFor
      ? { permissionRequest: { scope: String((askFor as { payload?: { permissionScope?: unknown } }).payload?.permissionScope ?? '') } }
      : {}),
  };
  return turn;
}

function isAskForDirective(d: Directive): boolean {
  const x = d as { type?: string; name?: string };
  return x.type === 'Connections.SendRequest' && x.name === 'AskFor';
}

function askForToken(directives: readonly Directive[]): string | undefined {
  const d = directives.find(isAskForDirective) as { token?: string } | undefined;
  return d?.token;
}

function outputText(speech: ui.OutputSpeech | undefined): string {
  if (!speech) return '';
  return speech.type === 'SSML' ? speech.ssml : speech.text;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** What a listener hears: tags dropped (a break, paragraph or sentence is a pause, so a space), entities unescaped. */
export function speechText(ssml: string): string {
  return ssml
    .replace(/<\/?(break|p|s|speak)\b[^>]*>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

function cardText(card: ui.Card): NonNullable<Turn['card']> {
  switch (card.type) {
    case 'Simple':
      return { type: card.type, title: card.title, text: card.content ?? '' };
    case 'Standard':
      return { type: card.type, title: card.title, text: card.text ?? '' };
    case 'AskForPermissionsConsent':
      return { type: card.type, text: `Permission requested: ${card.permissions.join(', ')}` };
    default:
      return { type: card.type, text: '' };
  }
}

/**
 * The instant a wall-clock time ("2026-11-25T07:30") has in `zone`, for `npm start -- --now`. Across a
 * DST gap the hour that does not exist moves forward, as clocks do.
 */
export function instantAt(localDateTime: string, zone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(localDateTime);
  if (!m) return undefined;
  const [y, mo, d, hh, mm] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (hh > 23 || mm > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, hh, mm);
  if (new Date(wall).getUTCDate() !== d) return undefined;
  // The zone's offset at a guess, then at the corrected instant (they differ only near a DST change):
  // the one that shows this wall time, or — in a gap — the later, which is the hour moved forward.
  const first = wall - zoneOffsetMs(new Date(wall), zone);
  const second = wall - zoneOffsetMs(new Date(first), zone);
  const shows = (instant: number) => instant + zoneOffsetMs(new Date(instant), zone) === wall;
  return new Date(shows(second) ? second : shows(first) ? first : Math.max(first, second));
}

/** How far `zone`'s wall clock is ahead of UTC at `at`. */
function zoneOffsetMs(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** A clock that starts at `start` and runs at the real pace from there. */
export function clockFrom(start: Date, realNow: () => Date = () => new Date()): () => Date {
  const began = realNow().getTime();
  return () => new Date(start.getTime() + (realNow().getTime() - began));
}

/**
 * A clock that pretends today is `day` in `zone`, keeping the real time of day, so a patient can
 * replay day 6 of recovery at breakfast. (Across a DST change the hour may be off by one.)
 */
export function clockOnDay(day: IsoDate, zone: string, realNow: () => Date = () => new Date()): () => Date {
  const MS_PER_DAY = 86_400_000;
  return () => {
    const now = realNow();
    let instant = now.getTime() + daysBetween(localDate(now, zone), day) * MS_PER_DAY;
    const landed = localDate(new Date(instant), zone);
    if (landed !== day) instant += daysBetween(landed, day) * MS_PER_DAY;
    return new Date(instant);
  };
}
