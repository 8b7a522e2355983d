/**
 * Bundle-time stand-in for the runtime half of `ask-sdk-model` (see scripts/build.js). The package is
 * types plus one 190 KB file of Alexa service clients; ask-sdk-core reaches into it only to build a
 * `ServiceClientFactory` when a skill registers an ask-sdk `apiClient`. This skill never does — it calls
 * Alexa's APIs through lambda/services with its own deadlines — so the bundle carries only this.
 * `npm start`, tests and `npm run serve` run unbundled with the real package.
 */
export namespace services {
  export class ServiceClientFactory {
    constructor() {
      throw new Error('ask-sdk service clients are not bundled: call Alexa APIs through lambda/services');
    }
  }
}
