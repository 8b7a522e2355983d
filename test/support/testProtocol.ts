import path from 'node:path';
import { parseProtocol } from '../../lambda/protocol/load';
import type { Protocol } from '../../lambda/protocol/types';
import clinicData from '../fixtures/clinic.json';
import protocolData from '../fixtures/protocol.json';

/**
 * The frozen test protocol: copies of the shipped defaults (test/fixtures/, refreshed by
 * `npm run fixtures:sync`). Behaviour tests (transcripts, reminders, dates, add-on, screens) test the
 * code, so they run on this and keep their "2 days / 48 hours" whatever the clinic saves in
 * lambda/protocol/. Content tests check the clinic's own file through `defaultProtocol()` instead,
 * by properties any valid edit keeps (see test/protocol/clinicEdit.test.ts).
 */
let cached: Protocol | undefined;
export function testProtocol(): Protocol {
  cached ??= parseProtocol(protocolData, clinicData);
  return cached;
}

/** The fixture files on disk, for tests that hand files to a process (the studio). */
export const TEST_PROTOCOL_FILES = {
  protocol: path.join(__dirname, '../fixtures/protocol.json'),
  clinic: path.join(__dirname, '../fixtures/clinic.json'),
} as const;
