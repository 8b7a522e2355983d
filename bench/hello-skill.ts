// Baseline for the cold-start benchmark: the smallest ask-sdk skill, bundled exactly like ours.
import { SkillBuilders } from 'ask-sdk-core';

export const handler = SkillBuilders.custom()
  .addRequestHandlers({
    canHandle: (input) => input.requestEnvelope.request.type === 'LaunchRequest',
    handle: (input) => input.responseBuilder.speak('Hello world').getResponse(),
  })
  .lambda();
