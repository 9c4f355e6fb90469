/**
 * A tiny TCP proxy on 127.0.0.1 for the scale-out tests (what nginx or HAProxy do in front of
 * several instances): each new connection goes to the first backend that accepts it, so when an
 * instance dies its clients' reconnections land on the next one.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A running proxy. */
export interface Proxy {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Starts a proxy in front of `backends` (ports on 127.0.0.1, in order of preference). */
export async function startProxy(backends: number[]): Promise<Proxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryBackend = (i: number) => {
      const port = backends[i];
      if (port === undefined) {
        client.destroy();
        return;
      }
      const upstream = connect(port, '127.0.0.1');
      let connected = false;
      upstream.once('error', () => {
        if (!connected) tryBackend(i + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
    };
    tryBackend(0);
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    }),
  );
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
