import { spokenSecondsOfText } from '../../lambda/speech/spokenLength';
import { speechText } from '../../tools/simulator';

/** About how long Alexa takes to say an SSML response, in seconds: its words (see spokenLength) plus every <break time>. */
export function spokenSeconds(ssml: string): number {
  return spokenSecondsOfText(speechText(ssml)) + breakSeconds(ssml);
}

function breakSeconds(ssml: string): number {
  let total = 0;
  for (const m of ssml.matchAll(/<break\b[^>]*time="(\d+(?:\.\d+)?)(ms|s)"/g)) total += Number(m[1]) / (m[2] === 'ms' ? 1000 : 1);
  return total;
}
