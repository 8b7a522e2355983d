/**
 * Sentences only the Alexa+ add-on says (the host turns them into speech). Everything a patient also
 * hears from the skill comes from the skill's own catalogues (en-US.ts, anotherDay, safety).
 */
export const addon = {
  /** A service-tier token (Alexa+ itself, no patient linked) asked for a patient's aftercare. */
  linkAccountFirst: (): string => 'To hear your own aftercare, please link your account to the aftercare add-on in the Alexa app first.',
  /** Another write to the same profile kept winning (a version conflict): nothing is wrong with the store. */
  busy: (): string => 'Another change to your saved details is in progress; please try again.',
  /** A time zone the host sent that no runtime knows ("Mars/Olympus"): refused, nothing saved. */
  unknownTimeZone: (): string =>
    "That time zone isn't one I know, so I haven't saved anything. Please give an IANA time zone name, like America/Los_Angeles, or leave it out.",
};
