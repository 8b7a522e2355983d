import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** Network faults on 127.0.0.1 for reliability tests: a slow link and a throttling DynamoDB. */

export interface DelayingProxy {
  readonly endpoint: string;
  readonly port: number;
  /** Delay applied to every chunk from now on, in both directions. */
  setDelay(ms: number): void;
  stop(): Promise<void>;
}

/** A TCP proxy to 127.0.0.1:targetPort that holds every chunk `delayMs` before passing it on, each way. */
export async function startDelayingProxy(targetPort: number, delayMs: number): Promise<DelayingProxy> {
  let delay = delayMs;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const relay = (from: Socket, to: Socket) => {
    from.on('data', (chunk: Buffer) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!to.destroyed) to.write(chunk);
      }, delay);
      timers.add(timer);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };

  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    relay(client, upstream);
    relay(upstream, client);
  });
  const port = await listenOnLoopback(server);

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    setDelay: (ms) => {
      delay = ms;
    },
    stop: () => {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ThrottlingDynamo {
  readonly endpoint: string;
  /** DynamoDB calls answered so far. */
  readonly requests: number;
  stop(): Promise<void>;
}

const THROTTLED_TYPE = 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException';

/** A DynamoDB stand-in that refuses every call the way DynamoDB does when throttling. */
export async function startThrottlingDynamo(): Promise<ThrottlingDynamo> {
  let requests = 0;
  const server = createHttpServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      res
        .writeHead(400, {
          'Content-Type': 'application/x-amz-json-1.0',
          'x-amzn-ErrorType': THROTTLED_TYPE,
          'x-amzn-RequestId': `throttled-${requests}`,
        })
        .end(JSON.stringify({ __type: THROTTLED_TYPE, message: 'Rate of requests exceeds the allowed throughput.' }));
    });
  });
  const port = await listenOnLoopback(server);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}
