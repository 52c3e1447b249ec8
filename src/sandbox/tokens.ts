/**
 * Access tokens of the platforms' token endpoints: random opaque strings, one token space per platform.
 * Issuing a new token for a client leaves its previous token `overlapSeconds` more life (the platforms
 * document 5 minutes); after that, and after its own lifetime, a token checks as 'expired'. A token
 * the sandbox never issued (or forgot after a reset) checks as 'invalid'.
 */
import { randomBytes } from 'node:crypto';
import { bySlug } from './platforms';
import type { SandboxPlatformName, SandboxTokens, TokenCheck } from './types';

/** Visible prefixes (each platform module's `tokenPrefix`) so a token in a log says whose it is. */
const TOKEN_PREFIX: Record<SandboxPlatformName, string> = bySlug((module) => module.tokenPrefix);

/** Older tokens of one client are forgotten (then 'invalid'), so a refresh loop cannot grow memory. */
const TOKENS_KEPT_PER_CLIENT = 16;

interface TokenRecord {
  clientKey: string;
  expiresAt: number;
}

export interface TokenLifetimes {
  ttlSeconds: number;
  overlapSeconds: number;
}

export interface ResettableTokens extends SandboxTokens {
  reset(): void;
}

export function createSandboxTokens(now: () => number, lifetimes: TokenLifetimes): ResettableTokens {
  const byToken = new Map<string, TokenRecord>();
  /** Per `platform \0 clientKey`: its tokens, oldest first, the current one last. */
  const byClient = new Map<string, string[]>();

  function issue(platform: SandboxPlatformName, clientKey: string): { token: string; expiresInSeconds: number } {
    return issueIn(clientSlot(platform, clientKey), platform, clientKey);
  }

  /** A new token in one history (`slot`), shortening only that history's previous token. */
  function issueIn(slot: string, platform: SandboxPlatformName, clientKey: string): { token: string; expiresInSeconds: number } {
    const at = now();
    const history = byClient.get(slot) ?? [];
    const previous = history.length > 0 ? byToken.get(history[history.length - 1]!) : undefined;
    if (previous) previous.expiresAt = Math.min(previous.expiresAt, at + lifetimes.overlapSeconds * 1000);
    const token = TOKEN_PREFIX[platform] + randomBytes(24).toString('base64url');
    byToken.set(token, { clientKey, expiresAt: at + lifetimes.ttlSeconds * 1000 });
    history.push(token);
    while (history.length > TOKENS_KEPT_PER_CLIENT) byToken.delete(history.shift()!);
    byClient.set(slot, history);
    return { token, expiresInSeconds: lifetimes.ttlSeconds };
  }

  /**
   * WeChat documents the stable token as isolated from the token `/cgi-bin/token` returns: its own
   * history (slot), so neither kind of call shortens or hands out a token of the other kind.
   */
  function issueStable(platform: SandboxPlatformName, clientKey: string, force: boolean): { token: string; expiresInSeconds: number } {
    const slot = stableSlot(platform, clientKey);
    const history = byClient.get(slot);
    const current = history?.[history.length - 1];
    const record = current === undefined ? undefined : byToken.get(current);
    const remainingMs = record ? record.expiresAt - now() : 0;
    if (!force && current !== undefined && remainingMs > lifetimes.overlapSeconds * 1000) {
      return { token: current, expiresInSeconds: Math.floor(remainingMs / 1000) };
    }
    return issueIn(slot, platform, clientKey);
  }

  function check(platform: SandboxPlatformName, token: string): { state: TokenCheck; clientKey?: string } {
    const record = token.startsWith(TOKEN_PREFIX[platform]) ? byToken.get(token) : undefined;
    if (!record) return { state: 'invalid' };
    if (now() >= record.expiresAt) return { state: 'expired', clientKey: record.clientKey };
    return { state: 'valid', clientKey: record.clientKey };
  }

  function reset(): void {
    byToken.clear();
    byClient.clear();
  }

  return { issue, issueStable, check, reset };
}

function clientSlot(platform: SandboxPlatformName, clientKey: string): string {
  return `${platform}\0${clientKey}`;
}

function stableSlot(platform: SandboxPlatformName, clientKey: string): string {
  return `${platform}\0stable\0${clientKey}`;
}
