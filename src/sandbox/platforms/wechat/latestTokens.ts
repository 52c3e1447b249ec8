/**
 * The last token of each kind each app was handed. WeChat answers a token that lived out its time with
 * 42001 ("access_token expired") but one that a newer token of its kind replaced, once its 5-minute
 * overlap is over, with 40001 ("invalid or not latest"); the shared token store only says 'expired' for
 * both. Classic (`/cgi-bin/token`) and stable (`/cgi-bin/stable_token`) tokens are separate histories.
 */
export type WechatTokenKind = 'classic' | 'stable';

export class LatestTokens {
  private readonly byApp = new Map<string, Partial<Record<WechatTokenKind, string>>>();

  remember(appId: string, kind: WechatTokenKind, token: string): void {
    const latest = this.byApp.get(appId) ?? {};
    latest[kind] = token;
    this.byApp.set(appId, latest);
  }

  /** An expired token's code: 42001 when it was the app's latest of its kind, 40001 when a newer one replaced it. */
  expiredCode(appId: string, token: string): 40001 | 42001 {
    const latest = this.byApp.get(appId);
    return latest === undefined || latest.classic === token || latest.stable === token ? 42001 : 40001;
  }
}
