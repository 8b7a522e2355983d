import { SkillBuilders, type RequestHandler, type Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { en } from './speech/en-US';
import { toSsml } from './speech/ssml';
import type { SkillDeps } from './alexa/deps';
import { LATE, within } from './alexa/late';
import { checkEnvelope } from './alexa/refusal';
import { isSpokenRequest } from './alexa/request';
import { aplUserEventHandler } from './alexa/apl/AplUserEventHandler';
import { activityQuestionHandler } from './alexa/handlers/ActivityQuestionHandler';
import { appointmentTimeIntentHandler } from './alexa/handlers/AppointmentTimeIntentHandler';
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
import { sunCareIntentHandler } from './alexa/handlers/SunCareIntentHandler';
import { symptomIntentHandler } from './alexa/handlers/SymptomIntentHandler';
import { todayPlanIntentHandler } from './alexa/handlers/TodayPlanIntentHandler';
import { whatDayIntentHandler } from './alexa/handlers/WhatDayIntentHandler';
import { clinicContactIntentHandler } from './alexa/handlers/ClinicContactIntentHandler';
import { dontKnowIntentHandler } from './alexa/handlers/DontKnowIntentHandler';
import { howLongIntentHandler } from './alexa/handlers/HowLongIntentHandler';
import { thanksIntentHandler } from './alexa/handlers/ThanksIntentHandler';
import { cancelRemindersIntentHandler } from './alexa/handlers/CancelRemindersIntentHandler';
import { changeReminderTimeIntentHandler } from './alexa/handlers/ChangeReminderTimeIntentHandler';
import { listRemindersIntentHandler } from './alexa/handlers/ListRemindersIntentHandler';
import { permissionEventHandler } from './alexa/handlers/PermissionEventHandler';
import { permissionResponseHandler } from './alexa/handlers/PermissionResponseHandler';
import { reminderConfirmHandler } from './alexa/handlers/ReminderConfirmHandler';
import { setUpRemindersIntentHandler } from './alexa/handlers/SetUpRemindersIntentHandler';
import { strayYesNoHandler, yesNoIntentHandler } from './alexa/handlers/YesNoIntentHandler';

export type { SkillDeps } from './alexa/deps';

/** Handlers in the cookbook order: launch, custom intents, built-ins, fallback, session end; the error handler last. */
export function skillHandlers(deps: SkillDeps): RequestHandler[] {
  return [
    launchRequestHandler(deps),
    yesNoIntentHandler(deps),
    reminderConfirmHandler(deps),
    setTreatmentDateIntentHandler(deps),
    newTreatmentIntentHandler(deps),
    todayPlanIntentHandler(deps),
    dayPlanIntentHandler(deps),
    symptomIntentHandler(deps),
    sunCareIntentHandler(deps),
    appointmentTimeIntentHandler(deps),
    activityQuestionHandler(deps),
    whatDayIntentHandler(deps),
    howLongIntentHandler(deps),
    clinicContactIntentHandler(deps),
    dontKnowIntentHandler(deps),
    thanksIntentHandler(),
    nextSessionIntentHandler(deps),
    setUpRemindersIntentHandler(deps),
    listRemindersIntentHandler(deps),
    changeReminderTimeIntentHandler(deps),
    cancelRemindersIntentHandler(deps),
    permissionResponseHandler(deps),
    forgetMeIntentHandler(deps),
    skillDisabledEventHandler(deps),
    permissionEventHandler(deps),
    aplUserEventHandler(deps),
    strayYesNoHandler(deps),
    repeatIntentHandler(),
    helpIntentHandler(deps),
    stopIntentHandler(),
    sessionEndedRequestHandler(deps),
    fallbackIntentHandler(deps),
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
    async invoke(event, context) {
      const envelope = checkEnvelope(event, deps.config.skillId);
      const start = Date.now();
      const response = await answerInTime(skill.invoke(envelope, context), envelope, deps);
      const request = envelope.request as { type: string; intent?: { name?: unknown } };
      const intent = typeof request.intent?.name === 'string' ? request.intent.name : undefined;
      deps.log.info('request', { requestType: request.type, intent, ms: Date.now() - start });
      return response;
    },
  };
}

/**
 * The net under every deadline: if the handler has not answered by `answerDeadlineMs`, the patient
 * hears an apology (the open question, if any, stays open) and the late work is left to finish or
 * fail on its own. Only for requests someone is listening to: an event (say, deleting a disabled
 * account) runs to its own end, so its failure still fails the invocation.
 */
async function answerInTime(work: Promise<ResponseEnvelope>, envelope: RequestEnvelope, deps: SkillDeps): Promise<ResponseEnvelope> {
  const type = (envelope.request as { type: string }).type;
  if (!isSpokenRequest(type)) return work;
  const first = await within(work, deps.config.answerDeadlineMs);
  if (first !== LATE) return first;
  deps.log.error('request_too_slow', { requestType: type, ms: deps.config.answerDeadlineMs });
  const apology = en.tooSlow();
  return {
    version: '1.0',
    sessionAttributes: envelope.session?.attributes ?? {},
    response: {
      outputSpeech: { type: 'SSML', ssml: toSsml(apology.text) },
      reprompt: { outputSpeech: { type: 'SSML', ssml: toSsml(apology.reprompt ?? en.whatNext) } },
      shouldEndSession: false,
    },
  };
}
