/**
 * The last token each app was handed. WeChat answers a token that lived out its time with 42001
 * ("access_token expired") but one that a newer token replaced, once its 5-minute overlap is over,
 * with 40001 ("invalid or not latest"); the shared token store only says 'expired' for both.
 */
export class LatestTokens {
  private readonly byApp = new Map<string, string>();

  remember(appId: string, token: string): void {
    this.byApp.set(appId, token);
  }

  /** An expired token's code: 42001 when it was the app's latest, 40001 when a newer one replaced it. */
  expiredCode(appId: string, token: string): 40001 | 42001 {
    const latest = this.byApp.get(appId);
    return latest === undefined || latest === token ? 42001 : 40001;
  }
}
