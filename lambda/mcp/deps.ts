import type { Logger } from '../log';
import type { Protocol } from '../protocol/types';
import type { ProfileStore } from '../store/types';
import type { TokenVerifier } from './auth';
import type { McpConfig } from './config';

/** What the add-on needs from outside, made once per container by its composition root (mcp/index.ts). */
export interface McpDeps {
  readonly store: ProfileStore;
  readonly protocol: Protocol;
  readonly config: McpConfig;
  readonly log: Logger;
  /** "Today" comes from this clock in the patient's zone: a tool call carries no timestamp of its own. */
  readonly clock: () => Date;
  readonly verifyToken: TokenVerifier;
}
