import type { Response, ResponseEnvelope } from 'ask-sdk-model';

/**
 * A strict well-formedness check for the SSML we send: one <speak> root, balanced tags, and no raw
 * "&", "<" or ">" in text (only the five XML entities). Returns the problems found (empty = fine).
 */
export function ssmlProblems(ssml: string): string[] {
  const problems: string[] = [];
  if (!ssml.startsWith('<speak>') || !ssml.endsWith('</speak>')) problems.push('not wrapped in <speak>');
  const stack: string[] = [];
  const token = /<(\/?)([a-zA-Z:-]+)((?:\s+[a-zA-Z:-]+="[^"<&]*")*)\s*(\/?)>|&(amp|lt|gt|quot|apos);|([<>&])/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(ssml))) {
    if (m[6]) {
      problems.push(`raw "${m[6]}" at ${m.index}`);
      continue;
    }
    if (m[5]) continue;
    const [closing, name, , selfClosing] = [m[1], m[2] ?? '', m[3], m[4]];
    if (selfClosing) continue;
    if (closing) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else {
      stack.push(name);
    }
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  return problems;
}

/** Every response: well-formed SSML, and a re-prompt whenever the session stays open. */
export function responseProblems(envelope: ResponseEnvelope): string[] {
  const r: Partial<Response> = envelope.response ?? {};
  const problems: string[] = [];
  const speech = r.outputSpeech;
  if (speech) {
    if (speech.type !== 'SSML') problems.push('speech is not SSML');
    else problems.push(...ssmlProblems(speech.ssml ?? '').map((p) => `speech: ${p}`));
  }
  const open = r.shouldEndSession === false || (speech !== undefined && r.shouldEndSession === undefined);
  if (open) {
    const repromptSpeech = r.reprompt?.outputSpeech;
    const reprompt = repromptSpeech?.type === 'SSML' ? repromptSpeech.ssml : undefined;
    if (!reprompt) problems.push('open session without a re-prompt');
    else problems.push(...ssmlProblems(reprompt).map((p) => `reprompt: ${p}`));
  }
  return problems;
}
