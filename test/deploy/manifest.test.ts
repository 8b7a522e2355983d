/**
 * The skill package and ask-cli project file: what certification and `ask deploy` would reject.
 * Rules from Amazon's "Choose the invocation name for a custom skill" and the skill manifest schema.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseIsoDate } from '../../lambda/domain/calendar';
import { handler } from '../../lambda/index';
import { createNlu, FALLBACK_INTENT, parseInvocation, type InteractionModelFile } from '../../tools/nlu';

const ROOT = path.join(__dirname, '..', '..');
const PACKAGE = path.join(ROOT, 'skill-package');
const MODELS = path.join(PACKAGE, 'interactionModels', 'custom');

interface Slot {
  name: string;
  type: string;
}
interface Intent {
  name: string;
  slots?: Slot[];
  samples?: string[];
}
interface SlotType {
  name: string;
  values: Array<{ id?: string; name: { value: string; synonyms?: string[] } }>;
}
interface Model {
  interactionModel: { languageModel: { invocationName: string; intents: Intent[]; types?: SlotType[] } };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

const manifest = readJson<{ manifest: Record<string, any> }>(path.join(PACKAGE, 'skill.json')).manifest;
const resources = readJson<{ askcliResourcesVersion: string; profiles: Record<string, any> }>(path.join(ROOT, 'ask-resources.json'));
const modelFiles = readdirSync(MODELS).filter((f) => f.endsWith('.json'));
const models = new Map(modelFiles.map((f) => [path.basename(f, '.json'), readJson<Model>(path.join(MODELS, f))]));

const REQUIRED_EVENTS = ['SKILL_DISABLED', 'SKILL_PERMISSION_ACCEPTED', 'SKILL_PERMISSION_CHANGED'];
const REMINDERS = 'alexa::alerts:reminders:skill:readwrite';

describe('locales', () => {
  it('the store listing, privacy section and interaction models cover the same locales', () => {
    const modelLocales = [...models.keys()].sort();
    expect(modelLocales.length).toBeGreaterThan(0);
    expect(Object.keys(manifest.publishingInformation.locales).sort()).toEqual(modelLocales);
    expect(Object.keys(manifest.privacyAndCompliance.locales).sort()).toEqual(modelLocales);
  });
});

// ---- invocation name ----

const LAUNCH_AND_CONNECTING_WORDS = [
  'ask',
  'tell',
  'open',
  'launch',
  'start',
  'begin',
  'load',
  'run',
  'resume',
  'use',
  'play',
  'talk',
  'enable',
  'to',
  'from',
  'by',
  'if',
  'and',
  'whether',
];
const WAKE_AND_RESERVED_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'ziggy', 'skill', 'app'];
const ARTICLES_PREPOSITIONS_PRONOUNS = ['the', 'a', 'an', 'for', 'to', 'of', 'about', 'up', 'by', 'at', 'off', 'with', 'my', 'your', 'our'];

/** The reasons a name breaks Amazon's invocation-name requirements (en-US); empty when it is fine. */
function invocationNameProblems(name: string): string[] {
  const problems: string[] = [];
  const words = name.split(' ');
  if (!/^[a-z][a-z.' ]*[a-z.]$/.test(name)) problems.push('only lowercase letters, spaces, apostrophes and periods');
  if (/ {2}/.test(name)) problems.push('single spaces between words');
  if (name.length > 50) problems.push('at most 50 characters');
  if (words.length < 2) problems.push('at least two words (one word only for an owned brand)');
  for (const w of words) {
    if (LAUNCH_AND_CONNECTING_WORDS.includes(w)) problems.push(`no launch phrase or connecting word ("${w}")`);
    if (WAKE_AND_RESERVED_WORDS.includes(w)) problems.push(`no wake word, "skill" or "app" ("${w}")`);
  }
  if (words.length === 2 && words.some((w) => ARTICLES_PREPOSITIONS_PRONOUNS.includes(w))) {
    problems.push('a two-word name has no article, preposition or pronoun');
  }
  return problems;
}

describe('invocation name', () => {
  it.each([...models.keys()])('%s follows the invocation-name requirements', (locale) => {
    expect(invocationNameProblems(models.get(locale)!.interactionModel.languageModel.invocationName)).toEqual([]);
  });

  it('the rules themselves reject what Amazon rejects', () => {
    expect(invocationNameProblems('microneedling care')).toEqual([]);
    for (const bad of [
      'Microneedling Care',
      'microneedling',
      'ask microneedling',
      'microneedling skill',
      'alexa care',
      'the care',
      'care 4 you',
      'microneedling  care',
      'care and more',
      'skin-care helper',
    ]) {
      expect([bad, invocationNameProblems(bad).length > 0]).toEqual([bad, true]);
    }
  });
});

// ---- example phrases ----

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[?.!,]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The intent whose sample utterance (with slot values the model accepts) is exactly `utterance`, if any.
 * When several match, the sample with the most literal text wins ("what should I do today" beats
 * "what should I do {date}"). Built-in slot values (AMAZON.DATE, ...) are taken on trust: the NLU check is stricter.
 */
function sampleIntent(model: Model, utterance: string): string | undefined {
  const lm = model.interactionModel.languageModel;
  const customValues = new Map(
    (lm.types ?? []).map((t) => [
      t.name,
      new Set(t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]).map((s) => s.toLowerCase())),
    ]),
  );
  const text = normalize(utterance);
  let best: { intent: string; literal: number } | undefined;
  for (const intent of lm.intents) {
    for (const sample of intent.samples ?? []) {
      // A bare built-in slot ("{date}") would match any text here; only a real NLU can judge those.
      if (/^\{[^}]+\}$/.test(sample.trim())) continue;
      const slotNames: string[] = [];
      const pattern = normalize(sample)
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const slot = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (!slot) return escapeRegExp(part);
          slotNames.push(slot);
          return '(.+)';
        })
        .join('');
      const m = new RegExp(`^${pattern}$`).exec(text);
      if (!m) continue;
      const slotsOk = slotNames.every((slotName, i) => {
        const type = intent.slots?.find((s) => s.name.toLowerCase() === slotName)?.type;
        if (!type) return false;
        const values = customValues.get(type);
        return values ? values.has(m[i + 1]!) : type.startsWith('AMAZON.');
      });
      const literal = normalize(sample)
        .replace(/\{[^}]+\}/g, '')
        .replace(/\s+/g, '').length;
      if (slotsOk && (!best || literal > best.literal)) best = { intent: intent.name, literal };
    }
  }
  return best?.intent;
}

const LAUNCH_WORDS = ['open', 'ask', 'launch', 'start', 'tell'];

describe('example phrases', () => {
  for (const [locale, model] of models) {
    const invocation = model.interactionModel.languageModel.invocationName;
    const phrases: string[] = manifest.publishingInformation.locales[locale]?.examplePhrases ?? [];
    const shape = new RegExp(`^Alexa, (${LAUNCH_WORDS.join('|')}) ${escapeRegExp(invocation)}(?: (.+))?$`);

    it(`${locale}: one to three phrases`, () => {
      expect(phrases.length).toBeGreaterThanOrEqual(1);
      expect(phrases.length).toBeLessThanOrEqual(3);
    });

    it.each(phrases)(`${locale}: "%s" is wake word + launch phrase + invocation name`, (phrase) => {
      expect(phrase).toMatch(shape);
    });

    it.each(phrases)(`${locale}: what "%s" asks is one of the model's sample utterances`, (phrase) => {
      const request = shape.exec(phrase)?.[2];
      if (request === undefined) return; // "Alexa, open <name>": a LaunchRequest, no utterance to resolve
      expect([request, sampleIntent(model, request) ?? 'no sample matches']).not.toEqual([request, 'no sample matches']);
    });
  }

  it('the sample matcher resolves slots only to values the model knows', () => {
    const model = models.get('en-US')!;
    expect(sampleIntent(model, 'what should I do today')).toBe('TodayPlanIntent');
    expect(sampleIntent(model, 'can I wear makeup')).toBe('CanIIntent');
    expect(sampleIntent(model, 'can I wear a spacesuit')).toBeUndefined();
    expect(sampleIntent(model, 'sing me a song')).toBeUndefined();
  });

  for (const [locale, model] of models) {
    const nlu = createNlu(model as unknown as InteractionModelFile);
    const phrases: string[] = manifest.publishingInformation.locales[locale]?.examplePhrases ?? [];
    const today = parseIsoDate('2025-11-25')!;

    it.each(phrases)(`${locale}: the offline NLU opens the skill or resolves "%s" word for word to a real intent`, (phrase) => {
      const invocation = parseInvocation(phrase, nlu.invocationName);
      expect(invocation.type).not.toBe('utterance');
      if (invocation.type !== 'oneshot') return;
      const result = nlu.match(invocation.utterance, today);
      expect(result.intent).not.toBe(FALLBACK_INTENT);
      expect(result.how).toBe('exact');
      expect(result.intent).toBe(sampleIntent(model, invocation.utterance));
    });
  }
});

// ---- manifest sections certification checks ----

describe('store listing', () => {
  const info = manifest.publishingInformation;

  it('has a name, summary, description and testing instructions within the limits', () => {
    for (const [, loc] of Object.entries<any>(info.locales)) {
      expect(loc.name.length).toBeGreaterThan(1);
      expect(loc.name.length).toBeLessThanOrEqual(50);
      expect(loc.summary.length).toBeGreaterThan(0);
      expect(loc.summary.length).toBeLessThanOrEqual(160);
      expect(loc.description.length).toBeGreaterThan(0);
      expect(loc.description.length).toBeLessThanOrEqual(4000);
      expect(loc.keywords.length).toBeGreaterThan(0);
      expect(loc.smallIconUri).toMatch(/^https:\/\//);
      expect(loc.largeIconUri).toMatch(/^https:\/\//);
    }
    expect(info.testingInstructions.length).toBeGreaterThan(0);
    expect(typeof info.category).toBe('string');
  });

  it("the description carries the protocol's not-medical-advice disclaimer", () => {
    const protocol = readJson<{ disclaimer: string }>(path.join(ROOT, 'lambda', 'protocol', 'default-protocol.json'));
    for (const [, loc] of Object.entries<any>(info.locales)) expect(loc.description).toContain(protocol.disclaimer);
  });

  it('is distributed only where it has been written for', () => {
    expect(info.isAvailableWorldwide).toBe(false);
    expect(info.distributionCountries).toEqual(['US']);
  });
});

describe('privacy and permissions', () => {
  const privacy = manifest.privacyAndCompliance;

  it('declares personal information, and links a privacy policy and terms for every locale', () => {
    expect(privacy).toEqual(
      expect.objectContaining({
        usesPersonalInfo: true,
        allowsPurchases: false,
        isChildDirected: false,
        containsAds: false,
        isExportCompliant: true,
      }),
    );
    for (const [, loc] of Object.entries<any>(privacy.locales)) {
      expect(loc.privacyPolicyUrl).toMatch(/^https:\/\/\S+$/);
      expect(loc.termsOfUseUrl).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('asks for the reminders permission', () => {
    expect(manifest.permissions).toEqual(expect.arrayContaining([{ name: REMINDERS }]));
  });

  it('is a custom skill whose endpoint, when present, has a uri', () => {
    expect(manifest.apis.custom).toBeDefined();
    if (manifest.apis.custom.endpoint !== undefined) expect(manifest.apis.custom.endpoint.uri).toMatch(/\S/);
  });
});

describe('skill events', () => {
  const userConfig = resources.profiles.default.skillInfrastructure.userConfig;

  it('ask-cli subscribes the skill to disable and permission events, with the Lambda as their endpoint', () => {
    // ask-cli writes manifest.events (endpoint = the deployed Lambda + these subscriptions) after the stack
    // deploys (skill-infrastructure-controller updateSkillManifestWithDeployResult).
    expect(userConfig.skillEvents.subscriptions).toEqual(expect.arrayContaining(REQUIRED_EVENTS));
  });

  it('skill.json declares events only together with an endpoint (SMAPI refuses events without one; ask-cli#47)', () => {
    const events = manifest.events;
    if (events === undefined) return; // before the first deploy: ask-cli adds them
    expect(events.endpoint?.uri).toMatch(/\S/);
    expect(events.subscriptions.map((s: { eventName: string }) => s.eventName)).toEqual(expect.arrayContaining(REQUIRED_EVENTS));
  });
});

describe('ask-resources.json', () => {
  const profile = resources.profiles.default;
  const infra = profile.skillInfrastructure;

  it('deploys the skill package, the built bundle and the stack through the cfn-deployer', () => {
    expect(resources.askcliResourcesVersion).toBe('2020-03-31');
    expect(path.resolve(ROOT, profile.skillMetadata.src)).toBe(PACKAGE);
    expect(profile.code.default.src).toBe('./dist');
    expect(infra.type).toBe('@ask-cli/cfn-deployer');
    expect(infra.userConfig.handler).toBe('index.handler');
    expect(infra.userConfig.runtime).toMatch(/^nodejs(2[0-9])\.x$/);
    expect(infra.userConfig.awsRegion).toBe('us-east-1');
    expect(existsSync(path.resolve(ROOT, infra.userConfig.templatePath))).toBe(true);
  });

  it('the runtime is one the package supports (engines.node)', () => {
    const engines = readJson<{ engines: { node: string } }>(path.join(ROOT, 'package.json')).engines.node;
    const min = Number(/>=\s*(\d+)/.exec(engines)?.[1]);
    expect(Number(/^nodejs(\d+)/.exec(infra.userConfig.runtime)?.[1])).toBeGreaterThanOrEqual(min);
  });

  it('the handler is async (event, context): Lambda nodejs24.x and later refuse callback-style handlers', () => {
    expect(typeof handler).toBe('function');
    expect(handler.length).toBeLessThan(3);
  });
});
