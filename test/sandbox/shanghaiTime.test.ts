/**
 * The sandbox's own Asia/Shanghai clock (`yyyy-MM-dd HH:mm:ss`, UTC+8, no daylight saving). No platform
 * publishes a local time next to the instant it stands for, so the vectors are the documented example
 * times (TOP's signing example, Xiaoe's detail example, the Taobao page), each worked out by hand below
 * from whole days since 1970-01-01 UTC, without Date.
 */
import { describe, expect, it } from 'vitest';
import { formatShanghaiTime, parseShanghaiTime } from '../../src/sandbox/shanghaiTime';

const DAY = 86_400;
const HOUR = 3_600;

/**
 * TOP's `2013-05-06 13:52:03` (GMT+8) is 2013-05-06 05:52:03 UTC.
 * 2013-01-01 is 43 years after 1970 with 11 leap days (1972..2012): (43 * 365 + 11) days = 15706 days.
 * To 05-06: January 31 + February 28 + March 31 + April 30 + 5 = 125 days.
 * Seconds: (15706 + 125) * 86400 + 5 * 3600 + 52 * 60 + 3 = 1367798400 + 21123 = 1367819523.
 */
const TOP_EXAMPLE = { text: '2013-05-06 13:52:03', epochSeconds: (15_706 + 125) * DAY + 5 * HOUR + 52 * 60 + 3 };

/**
 * Xiaoe's `2021-11-26 00:31:54` is 2021-11-25 16:31:54 UTC (the local day before).
 * 2021-01-01: 51 years with 13 leap days (1972..2020): 51 * 365 + 13 = 18628 days.
 * To 11-25: 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 24 = 328 days.
 * Seconds: (18628 + 328) * 86400 + 16 * 3600 + 31 * 60 + 54 = 1637798400 + 59514 = 1637857914.
 */
const XIAOE_EXAMPLE = { text: '2021-11-26 00:31:54', epochSeconds: (18_628 + 328) * DAY + 16 * HOUR + 31 * 60 + 54 };

/**
 * The Taobao page's `2000-01-01 00:00:00` is 1999-12-31 16:00:00 UTC (the local year before).
 * 1999-12-31: 29 years with 7 leap days (1972..1996) = 10592 days to 1999-01-01, plus 364.
 * Seconds: (10592 + 364) * 86400 + 16 * 3600 = 946598400 + 57600 = 946656000.
 */
const TAOBAO_PAGE_EXAMPLE = { text: '2000-01-01 00:00:00', epochSeconds: (10_592 + 364) * DAY + 16 * HOUR };

const EXAMPLES = [TOP_EXAMPLE, XIAOE_EXAMPLE, TAOBAO_PAGE_EXAMPLE];

describe('Shanghai time (the sandbox own)', () => {
  it('the worked-out figures are the ones written in the comments', () => {
    expect(EXAMPLES.map((e) => e.epochSeconds)).toEqual([1_367_819_523, 1_637_857_914, 946_656_000]);
  });

  it.each(EXAMPLES)('reads $text as Asia/Shanghai', ({ text, epochSeconds }) => {
    expect(parseShanghaiTime(text)).toBe(epochSeconds * 1000);
  });

  it.each(EXAMPLES)('writes $text back, whatever the host zone', ({ text, epochSeconds }) => {
    expect(formatShanghaiTime(epochSeconds * 1000)).toBe(text);
    // Milliseconds are dropped, not rounded.
    expect(formatShanghaiTime(epochSeconds * 1000 + 999)).toBe(text);
  });

  it('refuses text that is not a real local time in that exact format', () => {
    for (const text of [
      '2021-02-30 00:00:00',
      '2024-13-01 00:00:00',
      '2021-11-26 24:00:00',
      '0000-00-00 00:00:00',
      '2021-11-26T00:31:54',
      '2021-11-26 00:31',
      '',
      'yesterday',
    ]) {
      expect(parseShanghaiTime(text), text).toBeUndefined();
    }
  });
});
