/**
 * The times of one generated goods record, consistent with its sale_status: goods on sale have a
 * `sale_at`, pending goods (2) usually a `timing_sale`, goods taken off sale a `timing_offtime`; every
 * time that does not apply is `0000-00-00 00:00:00`, as the detail page documents.
 */
import type { Rng } from '../../data/random';
import { formatShanghaiTime } from '../../shanghaiTime';
import { NO_TIME } from './localTime';

export interface SaleTimes {
  createdAt: string;
  updatedAt: string;
  saleAt: string;
  isTimingSale: boolean;
  timingSale: string;
  isTimingOff: boolean;
  timingOff: string;
  timingOfftime: string;
}

const DAY_SECONDS = 86_400;

export function generateSaleTimes(rng: Rng, saleStatus: number, created: number): SaleTimes {
  const at = (fromMs: number, maxDays: number) => fromMs + rng.int(60, maxDays * DAY_SECONDS) * 1000;
  let latest = created;
  const stamp = (ms: number) => {
    latest = Math.max(latest, ms);
    return formatShanghaiTime(ms);
  };
  const times: SaleTimes = {
    createdAt: formatShanghaiTime(created),
    updatedAt: NO_TIME,
    saleAt: NO_TIME,
    isTimingSale: false,
    timingSale: NO_TIME,
    isTimingOff: false,
    timingOff: NO_TIME,
    timingOfftime: NO_TIME,
  };
  const wentOnSale = saleStatus === 1 || (saleStatus === 0 && rng.chance(0.6));
  if (wentOnSale) {
    const saleAt = at(created, 10);
    times.saleAt = stamp(saleAt);
    if (rng.chance(0.25)) Object.assign(times, { isTimingSale: true, timingSale: stamp(saleAt - 1000) });
    if (saleStatus === 0) times.timingOfftime = stamp(at(saleAt, 200));
  } else if (saleStatus === 2 && rng.chance(0.8)) {
    Object.assign(times, { isTimingSale: true, timingSale: stamp(at(created, 60)) });
  }
  if (saleStatus === 1 && rng.chance(0.1)) Object.assign(times, { isTimingOff: true, timingOff: stamp(at(latest, 365)) });
  times.updatedAt = formatShanghaiTime(at(latest, 120));
  return times;
}
