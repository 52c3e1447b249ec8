/**
 * `server.listen` as a promise of the bound port; a listen error (port in use, bad host) rejects instead
 * of being thrown uncaught. The sandbox's own: it imports nothing at run time from the gateway.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
