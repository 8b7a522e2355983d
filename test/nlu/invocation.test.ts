import { parseInvocation } from '../../tools/nlu';

describe('parseInvocation recognizes how Alexa is asked to use the skill', () => {
  test.each([
    'open microneedling care',
    'Alexa, open Microneedling Care',
    'launch microneedling care',
    'start microneedling care',
    'talk to microneedling care',
    'ask microneedling care',
    'open the microneedling care skill',
  ])('"%s" launches', (line) => {
    expect(parseInvocation(line)).toEqual({ type: 'launch' });
  });

  test.each([
    ['ask microneedling care what should I do today', 'what should i do today'],
    ['Alexa, ask microneedling care what should I do today.', 'what should i do today'],
    ['ask microneedling care to remind me every morning', 'remind me every morning'],
    ['ask microneedling care whether I can wear makeup', 'i can wear makeup'],
    ['ask microneedling care if I can take ibuprofen', 'i can take ibuprofen'],
    ['tell microneedling care I had my treatment yesterday', 'i had my treatment yesterday'],
    ['tell microneedling care that I had my treatment yesterday', 'i had my treatment yesterday'],
    ["ask microneedling care what's my plan", 'what is my plan'],
    ['what should I do today using microneedling care', 'what should i do today'],
    ['open microneedling care and what should I do today', 'what should i do today'],
  ])('"%s" is a one-shot request: "%s"', (line, utterance) => {
    expect(parseInvocation(line)).toEqual({ type: 'oneshot', utterance });
  });

  test.each([
    ['what should I do today', 'what should I do today'],
    ['Alexa, stop', 'stop'],
    ['open the window', 'open the window'],
    ['ask my doctor', 'ask my doctor'],
  ])('"%s" is an utterance inside the session', (line, utterance) => {
    expect(parseInvocation(line)).toEqual({ type: 'utterance', utterance });
  });
});
