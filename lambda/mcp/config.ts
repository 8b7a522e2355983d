import { readConfig, type SkillConfig } from '../config';
import type { AuthSettings } from './auth';

/** The add-on's configuration: the skill's (store, zone, retention) plus where its tokens come from. */
export interface McpConfig extends SkillConfig, AuthSettings {
  /**
   * This server's public URL, e.g. https://abc.lambda-url.eu-west-1.on.aws/mcp. Unset behind a bare
   * Lambda function URL: then it is that URL (its domain comes from AWS, never from a client header).
   */
  readonly resourceUrl?: string;
  /** The `aud` tokens must carry; the resource URL unless the authorization server names it otherwise. */
  readonly audience?: string;
}

/** Read once by the composition root. AUTH_ISSUER and AUTH_JWKS_URI are required. */
export function readMcpConfig(env: Readonly<Record<string, string | undefined>>): McpConfig {
  const required = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  return {
    ...readConfig(env),
    resourceUrl: env.MCP_RESOURCE_URL || undefined,
    issuer: required('AUTH_ISSUER'),
    jwksUri: required('AUTH_JWKS_URI'),
    audience: env.AUTH_AUDIENCE || undefined,
    patientScope: env.AUTH_PATIENT_SCOPE || 'aftercare',
  };
}
