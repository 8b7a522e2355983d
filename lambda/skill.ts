import { SkillBuilders, type RequestHandler, type Skill } from 'ask-sdk-core';
import type { SkillDeps } from './alexa/deps';
import { checkEnvelope } from './alexa/refusal';
import { activityQuestionHandler } from './alexa/handlers/ActivityQuestionHandler';
import { dayPlanIntentHandler } from './alexa/handlers/DayPlanIntentHandler';
import { errorHandler } from './alexa/handlers/ErrorHandler';
import { fallbackIntentHandler } from './alexa/handlers/FallbackIntentHandler';
import { forgetMeIntentHandler } from './alexa/handlers/ForgetMeIntentHandler';
import { helpIntentHandler } from './alexa/handlers/HelpIntentHandler';
import { launchRequestHandler } from './alexa/handlers/LaunchRequestHandler';
import { newTreatmentIntentHandler } from './alexa/handlers/NewTreatmentIntentHandler';
import { nextSessionIntentHandler } from './alexa/handlers/NextSessionIntentHandler';
import { repeatIntentHandler } from './alexa/handlers/RepeatIntentHandler';
import { sessionEndedRequestHandler } from './alexa/handlers/SessionEndedRequestHandler';
import { setTreatmentDateIntentHandler } from './alexa/handlers/SetTreatmentDateIntentHandler';
import { skillDisabledEventHandler } from './alexa/handlers/SkillDisabledEventHandler';
import { stopIntentHandler } from './alexa/handlers/StopIntentHandler';
import { todayPlanIntentHandler } from './alexa/handlers/TodayPlanIntentHandler';
import { whatDayIntentHandler } from './alexa/handlers/WhatDayIntentHandler';
import { strayYesNoHandler, yesNoIntentHandler } from './alexa/handlers/YesNoIntentHandler';

export type { SkillDeps } from './alexa/deps';

/** Handlers in the cookbook order: launch, custom intents, built-ins, fallback, session end; the error handler last. */
export function skillHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    launchRequestHandler(deps),
    yesNoIntentHandler(deps),
    setTreatmentDateIntentHandler(deps),
    newTreatmentIntentHandler(deps),
    todayPlanIntentHandler(deps),
    dayPlanIntentHandler(deps),
    activityQuestionHandler(deps),
    whatDayIntentHandler(deps),
    nextSessionIntentHandler(deps),
    forgetMeIntentHandler(deps),
    skillDisabledEventHandler(deps),
    strayYesNoHandler(deps),
    repeatIntentHandler(),
    helpIntentHandler(deps),
    stopIntentHandler(),
    sessionEndedRequestHandler(deps),
    fallbackIntentHandler(),
  ];
}

/**
 * The skill: `invoke(envelope)` answers one request. Envelopes are checked first (type, skill id) and
 * refused with RequestRefusedError, which the Lambda reports as a failed invocation.
 */
export function createSkill(deps: SkillDeps): Pick<Skill, 'invoke'> {
  const skill = SkillBuilders.custom()
    .addRequestHandlers(...skillHandlers(deps))
    .addErrorHandlers(errorHandler(deps))
    .withCustomUserAgent('microneedling-aftercare')
    .create();
  return {
    invoke: async (event, context) => skill.invoke(checkEnvelope(event, deps.config.skillId), context),
  };
}
