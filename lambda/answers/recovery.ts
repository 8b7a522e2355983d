import { mentions } from '../domain/mentions';
import type { Protocol } from '../protocol/types';
import { conversationEn } from '../speech/conversation.en-US';
import { answerOf, cite, type Answer } from './answer';
import { symptomHelp } from './symptom';

export interface RecoveryData {
  /** The first day of recovery the article's sentence speaks of, when it names one. */
  readonly fromDay: number | null;
  readonly toDay: number | null;
  readonly callClinic?: true;
}

/**
 * "How long will the redness last?", "how long will I peel?": the days the article calls it normal
 * (protocol symptoms.normal, matched by its id or words), or, with no symptom named, the phase it calls healed;
 * anything the article gives no days for (swelling, stinging…) is never guessed at: the symptom path,
 * the clinic's phone and the emergency line.
 */
export function howLongAnswer(protocol: Protocol, topic: string | undefined, heard?: string): Answer<RecoveryData> {
  const normal = protocol.symptoms.normal.find((n) => n.id === topic || mentions(heard ?? topic, n.words) || mentions(topic, n.words));
  if (normal) {
    const source = cite(normal.answer.source);
    return answerOf(conversationEn.howLong(normal.answer.text, protocol), { fromDay: normal.fromDay, toDay: normal.toDay }, [source]);
  }
  // No symptom named ("how long does healing take"): the phase the article says the skin has healed by.
  const healed = topic === undefined || topic === 'healing' ? phaseSaying(protocol, 'healed') : undefined;
  if (healed) {
    const source = cite(healed.skin.source);
    return answerOf(conversationEn.fromDay(healed.fromDay, healed.skin.text), { fromDay: healed.fromDay, toDay: null }, [source]);
  }
  const help = symptomHelp(protocol, heard ?? topic, { day: undefined, worried: false });
  return answerOf(help.sentence, { fromDay: null, toDay: null, callClinic: true }, help.facts);
}

/** "When will I see results?": the phase whose skin the article says shows results (its "2-3 months"). */
export function resultsAnswer(protocol: Protocol): Answer<RecoveryData> {
  const phase = phaseSaying(protocol, 'results');
  if (!phase) return answerOf(conversationEn.askClinic('results', protocol), { fromDay: null, toDay: null, callClinic: true });
  const source = cite(phase.skin.source);
  return answerOf(conversationEn.fromDay(phase.fromDay, phase.skin.text), { fromDay: phase.fromDay, toDay: phase.toDay ?? null }, [source]);
}

/** The first phase whose skin sentence uses this word: the data says which, no day is kept here. */
const phaseSaying = (protocol: Protocol, word: string) => protocol.phases.find((p) => mentions(p.skin.text, [word]));
