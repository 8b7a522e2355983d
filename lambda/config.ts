/** Configuration read once from the environment by the composition root (index.ts); nothing else reads process.env. */
export interface SkillConfig {
  readonly tableName: string;
  readonly dynamoEndpoint?: string;
  readonly region: string;
  /** When set, requests for any other skill are refused. */
  readonly skillId?: string;
  /** Zone used when neither the device nor the saved profile knows one. */
  readonly defaultTimeZone: string;
  /** Stored profiles expire (DynamoDB TTL) this many days after the latest treatment. */
  readonly retentionDays: number;
  /** Deadline for each Alexa settings/reminders API call. */
  readonly serviceTimeoutMs: number;
  /** Deadline for each store operation, its retries included. */
  readonly storeDeadlineMs: number;
  /**
   * Whatever a request is still waiting on, the patient hears an answer by then: under the Lambda's 7 s
   * timeout and Alexa's 8 s. The parts have their own, shorter deadlines; this is the net under their sum.
   */
  readonly answerDeadlineMs: number;
  /**
   * Time for all reminder calls of one request. With the profile read (≤ ~1.5 s, in parallel with the
   * settings call) and the record written afterwards, the answer stays well inside Alexa's 8 seconds.
   */
  readonly remindersBudgetMs: number;
  /** How long an answer waits for the write of a changed device zone before going on without it. */
  readonly zoneWriteBudgetMs: number;
}

export function readConfig(env: Readonly<Record<string, string | undefined>>): SkillConfig {
  const retention = Number(env.RETENTION_DAYS ?? '180');
  return {
    tableName: env.CARE_TABLE || 'microneedling-care',
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || 'us-east-1',
    skillId: env.SKILL_ID || undefined,
    defaultTimeZone: env.DEFAULT_TIME_ZONE || 'America/New_York',
    retentionDays: Number.isInteger(retention) && retention > 0 ? retention : 180,
    serviceTimeoutMs: 1500,
    storeDeadlineMs: 3000,
    answerDeadlineMs: 6000,
    remindersBudgetMs: 4000,
    zoneWriteBudgetMs: 1000,
  };
}
