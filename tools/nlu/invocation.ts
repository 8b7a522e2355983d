import { normalize } from './normalize';

/** How a typed line reaches the skill: opening it, a one-shot request, or a turn inside a session. */
export type Invocation =
  | { readonly type: 'launch' }
  | { readonly type: 'oneshot'; readonly utterance: string }
  | { readonly type: 'utterance'; readonly utterance: string };

const LAUNCH_VERBS = '(?:open|launch|start|begin|run|load|use|talk to|play)';
/** Connecting words Alexa drops between the invocation name and the request. */
const CONNECTORS = '(?:to|whether|if|that|for)';

/**
 * Recognizes Alexa's invocation patterns: "open microneedling care", "ask microneedling care (to) X",
 * "tell microneedling care X", "X using microneedling care". Anything else is an utterance.
 */
export function parseInvocation(line: string, invocationName = 'microneedling care'): Invocation {
  const text = normalize(line).replace(/^alexa /, '');
  const name = escapeRegExp(normalize(invocationName));
  const skill = `(?:the )?${name}(?: skill| app)?`;
  if (new RegExp(`^(?:${LAUNCH_VERBS} ${skill}|(?:ask|tell) ${skill}|${skill})$`).test(text)) return { type: 'launch' };
  const ask = new RegExp(`^(?:ask|tell) ${skill} (?:${CONNECTORS} )?(.+)$`).exec(text);
  if (ask?.[1]) return { type: 'oneshot', utterance: ask[1] };
  const using =
    new RegExp(`^(?:${LAUNCH_VERBS} ${skill} and )(.+)$`).exec(text) ?? new RegExp(`^(.+?) (?:using|with|from|on) ${skill}$`).exec(text);
  if (using?.[1]) return { type: 'oneshot', utterance: using[1] };
  return { type: 'utterance', utterance: line.trim().replace(/^alexa[,!.]?\s+/i, '') };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
