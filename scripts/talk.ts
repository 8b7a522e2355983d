/**
 * `npm start`: talk to the real skill in a terminal, as if to an Echo. Storage is a local DynamoDB
 * (dynalite, kept in .local-data), Alexa's service APIs are a local stand-in, and typed lines go
 * through our NLU built from the interaction model. Works with piped input too:
 *
 *   printf 'open microneedling care\nyesterday\n' | npm start -- --today 2026-11-27
 *
 * An empty line is silence, as on an Echo: Alexa repeats the skill's re-prompt, and a second silence
 * ends the session.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseIsoDate, type IsoDate } from '../lambda/domain/calendar';
import { isKnownTimeZone } from '../lambda/services/zoneClock';
import model from '../skill-package/interactionModels/custom/en-US.json';
import { startLocalAlexaApi } from '../tools/localAlexaApi';
import { localDynamoStore, startLocalDynamo } from '../tools/localDynamo';
import { createNlu, type InteractionModelFile } from '../tools/nlu';
import { clockFrom, clockOnDay, Conversation, instantAt, type Silence, type Turn } from '../tools/simulator';

const USAGE = `usage: npm start -- [options]
  --now YYYY-MM-DDTHH:MM  pretend it is that local date and time (the clock runs on from there)
  --today YYYY-MM-DD   pretend it is that day (at the current time of day)
  --user NAME          who is talking (a stable fake account; default "me")
  --person NAME        a recognized voice profile on that account
  --zone ZONE          the device's time zone, e.g. Europe/Berlin (default: this machine's)
  --data DIR           where stored data lives (default .local-data)
  --fresh              wipe stored data first
  --cards              also print the card shown in the Alexa app
  --logs               also print the skill's own log lines
  --show-reminders     print the reminders the skill creates, moves or deletes for you (this account and voice)
An empty line is silence: Alexa repeats the question; a second silence ends the session.`;

interface Options {
  now?: string;
  today?: IsoDate;
  user: string;
  person?: string;
  zone: string;
  data: string;
  fresh: boolean;
  cards: boolean;
  logs: boolean;
  showReminders: boolean;
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      now: { type: 'string' },
      today: { type: 'string' },
      user: { type: 'string', default: 'me' },
      person: { type: 'string' },
      zone: { type: 'string' },
      data: { type: 'string', default: '.local-data' },
      fresh: { type: 'boolean', default: false },
      cards: { type: 'boolean', default: false },
      logs: { type: 'boolean', default: false },
      'show-reminders': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) exit(USAGE, 0);
  const today = values.today === undefined ? undefined : parseIsoDate(values.today);
  if (values.today !== undefined && !today) exit(`--today must be a calendar day like 2026-11-27, not "${values.today}"`);
  const zone = values.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isKnownTimeZone(zone)) exit(`--zone: unknown time zone "${zone}"`);
  if (values.now !== undefined && !instantAt(values.now, zone))
    exit(`--now must be a local date and time like 2026-11-25T07:30, not "${values.now}"`);
  if (values.now !== undefined && today) exit('--now and --today both set the day: give one');
  return {
    now: values.now,
    today,
    user: values.user ?? 'me',
    person: values.person,
    zone,
    data: values.data ?? '.local-data',
    fresh: values.fresh ?? false,
    cards: values.cards ?? false,
    logs: values.logs ?? false,
    showReminders: values['show-reminders'] ?? false,
  };
}

function exit(message: string, code = 2): never {
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exit(code);
}

/** Stable, realistic-looking ids derived from a name, so "--user anna" is the same account every run. */
const fakeId = (prefix: string, name: string) => `${prefix}${createHash('sha256').update(name).digest('hex').slice(0, 40).toUpperCase()}`;

async function main(): Promise<void> {
  const opts = readOptions(process.argv.slice(2));
  // A local run needs no reminder that Lambda will want a newer Node one day.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dataDir = resolve(opts.data);
  if (opts.fresh) {
    if (dataDir === resolve('.') || dataDir === resolve('/')) exit(`--fresh refuses to delete ${dataDir}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });

  // The skill logs JSON lines to stdout; keep them in a file unless asked, so the dialogue stays readable.
  const logFile = createWriteStream(resolve(dataDir, 'skill.log'), { flags: 'a' });
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    if (!opts.logs && typeof chunk === 'string' && chunk.startsWith('{"level":')) return logFile.write(chunk);
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;

  const dynamo = await startLocalDynamo({ path: resolve(dataDir, 'dynamo') });
  const tableName = process.env.CARE_TABLE || 'microneedling-care-local';
  await localDynamoStore(dynamo.endpoint, tableName);
  const api = await startLocalAlexaApi({ timeZone: opts.zone });
  api.reminders.persist(resolve(dataDir, 'reminders.json'));

  // The composition root reads its configuration from the environment once: set it before loading.
  process.env.CARE_TABLE = tableName;
  process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.AWS_REGION ||= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'local';
  process.env.AWS_SECRET_ACCESS_KEY = 'local';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  const { handler } = await import('../lambda/index');

  const nlu = createNlu(model as InteractionModelFile, { skillId: process.env.SKILL_ID || 'amzn1.ask.skill.local' });
  // One token per account and voice: the local Reminders API keeps reminders per account, and
  // --show-reminders shows this voice's own.
  const apiAccessToken = `local-token.${fakeId('', `user:${opts.user}`).slice(0, 16)}.${fakeId('', `person:${opts.user}:${opts.person ?? ''}`).slice(0, 16)}`;
  const start = opts.now ? (instantAt(opts.now, opts.zone) as Date) : undefined;
  const conv = new Conversation({
    handler,
    nlu,
    apiEndpoint: api.endpoint,
    userId: fakeId('amzn1.ask.account.', `user:${opts.user}`),
    personId: opts.person === undefined ? undefined : fakeId('amzn1.ask.person.', `person:${opts.user}:${opts.person}`),
    deviceId: fakeId('amzn1.ask.device.', `device:${opts.user}`),
    now: start ? clockFrom(start) : opts.today ? clockOnDay(opts.today, opts.zone) : () => new Date(),
    timeZone: opts.zone,
    applicationId: process.env.SKILL_ID || 'amzn1.ask.skill.local',
    apiAccessToken,
  });

  const print = (line: string) => write(`${line}\n`);
  const weekday = new Date(`${conv.today}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  const time = localTime(conv.now(), opts.zone);
  print(
    `Microneedling Care, on your computer. Today is ${weekday} ${conv.today}, ${time} (${opts.zone}); you are "${opts.user}"${opts.person ? ` (voice: ${opts.person})` : ''}.`,
  );
  print('Talk as you would to an Echo, e.g.:  open microneedling care  |  ask microneedling care what should I do today');
  print('An empty line is silence. Type quit to leave.\n');

  const interactive = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  rl.setPrompt('You: ');
  if (interactive) rl.prompt();
  rl.on('SIGINT', () => rl.close());

  for await (const raw of rl) {
    const line = raw.trim();
    if (!interactive) print(`You: ${line === '' ? '(silence)' : line}`);
    if (/^(quit|exit)$/i.test(line)) break;
    try {
      const calls = api.reminders.log.length;
      if (line === '') printSilence(await conv.silence(), print);
      else printTurn(await conv.say(line), opts.cards, print);
      if (opts.showReminders) for (const l of api.reminders.describeChanges(calls, apiAccessToken)) print(l);
    } catch (error) {
      print(`(the skill failed: ${error instanceof Error ? error.message : String(error)})`);
    }
    if (interactive) rl.prompt();
  }
  rl.close();

  // Close cleanly so the LevelDB files are complete for the next run.
  await conv.end().catch(() => undefined);
  await api.stop();
  await dynamo.stop();
  await new Promise<void>((done) => logFile.end(done));
  process.exit(0);
}

/** What the user hears after saying nothing. */
function printSilence(silence: Silence, print: (line: string) => void): void {
  if (silence.kind === 'reprompt') print(`Alexa: ${silence.speech}`);
  if (silence.kind === 'ended') print('  (no answer: the session closed)');
  if (silence.kind === 'notListening') print('  (Alexa is not listening: say "open microneedling care")');
  print('');
}

/** "7:30 AM" on the clock of `zone`. */
function localTime(at: Date, zone: string): string {
  return at.toLocaleTimeString('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' });
}

function printTurn(turn: Turn, cards: boolean, print: (line: string) => void): void {
  if (turn.speech) print(`Alexa: ${turn.speech}`);
  if (turn.permissionRequest) print('Alexa: Microneedling Care would like to set reminders for you. Do you allow that? (yes / no)');
  if (cards && turn.card) {
    print(`  [card${turn.card.title ? `: ${turn.card.title}` : ''}]`);
    for (const line of turn.card.text.split('\n')) print(`  ${line}`);
  }
  if (turn.sessionEnded) print('  (session closed)');
  print('');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
