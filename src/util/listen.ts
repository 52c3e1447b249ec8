import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens and resolves the bound port; rejects on a listen error (port in use, bad host) instead of throwing it uncaught. */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
