import type { Server } from 'node:net';
import type { Socket } from 'node:net';

/**
 * The connection slots, kept for clients that talk. Anyone can open TCP connections and send nothing
 * (no TLS hello, no request line): such a connection is closed after `silentMs`, and when every slot
 * is taken, a new connection takes the slot of the oldest one still silent instead of being turned
 * away. Only when every open connection has sent something is a newcomer refused, at once.
 *
 * Node's own `server.maxConnections` refuses the newcomer — so 200 silent sockets, held for the TLS
 * handshake timeout, would shut everyone else out.
 */
export interface ConnectionLimits {
  readonly maxConnections: number;
  /** How long a connection may stay open without sending a single byte. */
  readonly silentMs: number;
}

export interface ConnectionGuard {
  /** Connections open now. */
  open(): number;
  /** Silent connections closed so far (to make room or for staying silent). */
  shed(): number;
  /** Closes every connection (shutting down: silent ones are not tracked by the HTTP server). */
  destroyAll(): void;
}

/** "Silent": not one byte received. Under TLS this is the raw socket, before the handshake began. */
const silent = (socket: Socket): boolean => socket.bytesRead === 0;

export function guardConnections(server: Server, limits: ConnectionLimits): ConnectionGuard {
  // Insertion order is age order: the first silent one found is the oldest.
  const sockets = new Set<Socket>();
  let shed = 0;
  server.on('connection', (socket: Socket) => {
    if (sockets.size >= limits.maxConnections) {
      let oldestSilent: Socket | undefined;
      for (const s of sockets) {
        if (silent(s)) {
          oldestSilent = s;
          break;
        }
      }
      if (!oldestSilent) {
        socket.destroy();
        return;
      }
      shed++;
      sockets.delete(oldestSilent);
      oldestSilent.destroy();
    }
    sockets.add(socket);
    const timer = setTimeout(() => {
      if (silent(socket)) {
        shed++;
        socket.destroy();
      }
    }, limits.silentMs);
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      sockets.delete(socket);
    });
  });
  return {
    open: () => sockets.size,
    shed: () => shed,
    destroyAll: () => {
      for (const s of sockets) s.destroy();
    },
  };
}
