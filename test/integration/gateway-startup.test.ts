import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import { startGatewayServer } from '../../src/server/httpServer';

describe('gateway start-up', () => {
  it('rejects when its port is taken instead of failing with an uncaught error', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const config = loadConfig({ SANDBOX: 'off', PORT: String(port) });
      await expect(startGatewayServer({ config, platforms: buildPlatformRegistry(config), port, host: config.host })).rejects.toMatchObject(
        { code: 'EADDRINUSE' },
      );
    } finally {
      squatter.close();
    }
  });

  it('answers /healthz, /readyz with every platform, and PLATFORM_NOT_CONFIGURED without credentials', async () => {
    const config = loadConfig({ SANDBOX: 'off', PORT: '0' });
    const gateway = await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0, host: config.host });
    try {
      expect(await (await fetch(`${gateway.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = (await (await fetch(`${gateway.url}/readyz`)).json()) as { platforms: Record<string, { configured: boolean }> };
      expect(Object.keys(ready.platforms)).toEqual(['TAOBAO', 'XIAOE', 'WECHAT_SHOP', 'XHS_ARK', 'XHS_MINIAPP']);
      expect(ready.platforms.TAOBAO!.configured).toBe(false);
      const res = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ product(platform: TAOBAO, id: "1") { title } }' }),
      });
      const body = (await res.json()) as { data: unknown; errors: Array<{ extensions: { code: string } }> };
      expect(body.data).toEqual({ product: null });
      expect(body.errors[0]!.extensions.code).toBe('PLATFORM_NOT_CONFIGURED');
    } finally {
      await gateway.close();
    }
  });
});
