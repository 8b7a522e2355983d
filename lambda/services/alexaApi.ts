import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { AlexaApiError } from '../errors';

/**
 * A tiny JSON client for Alexa service APIs at the request's own `apiEndpoint`. node:http rather than
 * global fetch: fetch loads undici on first use, which costs a cold start tens of milliseconds.
 * Every call has a hard deadline so a hanging service can never push the answer past Alexa's 8 seconds.
 */
export { AlexaApiError };

export interface ApiResponse {
  readonly status: number;
  /** Parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  readonly body: unknown;
}

export interface ApiCall {
  readonly endpoint: string;
  readonly token: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  readonly timeoutMs: number;
}

export function callAlexaApi(call: ApiCall): Promise<ApiResponse> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(call.path, call.endpoint);
    } catch {
      reject(new AlexaApiError('bad apiEndpoint', 0));
      return;
    }
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: call.method,
        headers: {
          Authorization: `Bearer ${call.token}`,
          Accept: 'application/json',
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
        },
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: parseBody(text) });
        });
        res.on('error', (e) => fail(e.message));
      },
    );
    const fail = (why: string) => {
      clearTimeout(timer);
      req.destroy();
      reject(new AlexaApiError(why, 0));
    };
    const timer = setTimeout(() => fail(`timed out after ${call.timeoutMs} ms`), call.timeoutMs);
    req.on('error', (e) => fail(e.message));
    req.end(payload);
  });
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
