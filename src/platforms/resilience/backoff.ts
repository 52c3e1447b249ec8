/** Exponential backoff with full jitter (AWS architecture blog), at least `floorMs` (e.g. a Retry-After). */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, floorMs = 0, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.max(floorMs, Math.round(random() * ceiling));
}

export function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
