import type { SkillConfig } from '../config';
import type { Logger } from '../log';
import type { Protocol } from '../protocol/types';
import type { ProfileStore } from '../store/types';

/** Everything handlers need from outside, created once by the composition root. */
export interface SkillDeps {
  readonly store: ProfileStore;
  readonly protocol: Protocol;
  readonly config: SkillConfig;
  readonly log: Logger;
  /** Only for requests without a usable timestamp; "today" otherwise comes from the request. */
  readonly clock: () => Date;
}
