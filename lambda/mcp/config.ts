import { readConfig, type SkillConfig } from '../config';
import type { AuthSettings } from './auth';

/** The add-on's configuration: the skill's (store, zone, retention) plus where its tokens come from. */
export interface McpConfig extends SkillConfig, AuthSettings {
  /** This server's public URL, e.g. https://abc.lambda-url.eu-west-1.on.aws/mcp: the token audience too. */
  readonly resourceUrl: string;
}

/** Read once by the composition root. MCP_RESOURCE_URL, AUTH_ISSUER and AUTH_JWKS_URI are required. */
export function readMcpConfig(env: Readonly<Record<string, string | undefined>>): McpConfig {
  const required = (name: string): string => {
    const v = env[name];
    if (!v) throw new Error(`${name} is not set`);
    return v;
  };
  const resourceUrl = required('MCP_RESOURCE_URL');
  return {
    ...readConfig(env),
    resourceUrl,
    issuer: required('AUTH_ISSUER'),
    jwksUri: required('AUTH_JWKS_URI'),
    audience: env.AUTH_AUDIENCE || resourceUrl,
    patientScope: env.AUTH_PATIENT_SCOPE || 'aftercare',
  };
}
