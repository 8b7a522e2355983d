/**
 * Bundle-time stand-in for `@aws-sdk/credential-provider-node` (see scripts/build.js). A Lambda always
 * receives its role's credentials in the environment, so the SDK's full chain — ini files, SSO, STS,
 * instance metadata — is dead weight there: ~170 KB of code to parse on every cold start.
 * `npm start`, tests and `npm run serve` run unbundled and keep the SDK's real chain.
 */
export const defaultProvider = () => async () => {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) throw new Error('AWS credentials are missing from the Lambda environment');
  return { accessKeyId, secretAccessKey, sessionToken: process.env.AWS_SESSION_TOKEN || undefined };
};
