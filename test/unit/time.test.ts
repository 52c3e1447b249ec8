import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromShanghaiLocal, readShanghaiLocal, readUnixTime, toShanghaiLocal } from '../../src/platforms/time';

/** The regular-expression reading that the fixed-width scan replaced (issue 14): both must agree on any text. */
function referenceFromShanghaiLocal(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour - 8, minute, second);
  if (new Date(utc + 8 * 3_600_000).getUTCDate() !== day) return null;
  return new Date(utc).toISOString();
}

/** Text near the format: right-shaped fields of any digits (0000 to 9999, 00 to 99), wrong separators, padding, stray characters. */
const nearTimeText = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 5, maxLength: 5 }),
    fc.constantFrom(' ', 'T', 't', '_'),
    fc.constantFrom('', ' ', '\t', '\n', '\u3000'),
    fc.constantFrom('', 'x', '0', '\u0660'),
  )
  .map(([year, [month, day, hour, minute, second], sep, pad, stray]) => {
    const two = (n: number) => String(n).padStart(2, '0');
    return `${pad}${String(year).padStart(4, '0')}-${two(month!)}-${two(day!)}${sep}${two(hour!)}:${two(minute!)}:${two(second!)}${stray}${pad}`;
  });

describe('times', () => {
  it('reads yyyy-MM-dd HH:mm:ss as Asia/Shanghai (UTC+8)', () => {
    expect(fromShanghaiLocal('2021-11-26 00:31:54')).toBe('2021-11-25T16:31:54.000Z');
    expect(fromShanghaiLocal('2000-01-01 00:00:00')).toBe('1999-12-31T16:00:00.000Z');
  });

  it("treats Xiaoe's 0000-00-00 00:00:00, empty and malformed text as no time", () => {
    expect(fromShanghaiLocal('0000-00-00 00:00:00')).toBeNull();
    expect(fromShanghaiLocal('')).toBeNull();
    expect(fromShanghaiLocal('2021-02-30 00:00:00')).toBeNull();
    expect(fromShanghaiLocal('yesterday')).toBeNull();
    expect(fromShanghaiLocal(undefined)).toBeNull();
  });

  it('reads any text as the regular-expression reading did, in fromShanghaiLocal and readShanghaiLocal', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nearTimeText,
          fc.string(),
          fc.constantFrom(
            '0000-00-00 00:00:00',
            ' 0000-00-00T00:00:00 ',
            '2024-02-29 23:59:59',
            '2023-02-29 12:00:00',
            '2000-01-01 07:59:59',
          ),
        ),
        (text) => {
          const expected = referenceFromShanghaiLocal(text);
          expect(fromShanghaiLocal(text)).toBe(expected);
          const reading = readShanghaiLocal(text);
          if (expected !== null && Date.parse(expected) >= Date.UTC(2000, 0, 1) && Date.parse(expected) < Date.UTC(2100, 0, 1))
            expect(reading).toEqual({ value: expected });
          else if (text === '' || /^0000-00-00[ T]00:00:00$/.test(text.trim())) expect(reading).toEqual({ value: null });
          else expect(reading).toHaveProperty('problem');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('writes any instant of 2000-2100 as Date#toISOString does (whole, fractional, day and year edges)', () => {
    const [from, to] = [Date.UTC(2000, 0, 1), Date.UTC(2100, 0, 1)];
    const edges = [
      from,
      from + 0.5,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29),
      Date.UTC(2099, 11, 31, 23, 59, 59, 999),
      to - 0.25,
    ];
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: from, max: to - 1 }), fc.double({ min: from, max: to - 1, noNaN: true }), fc.constantFrom(...edges)),
        (ms) => {
          expect(readUnixTime(ms)).toEqual({ value: new Date(ms).toISOString() });
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('reads unix seconds and milliseconds as UTC, the unit told by the magnitude', () => {
    expect(readUnixTime(1491827455)).toEqual({ value: '2017-04-10T12:30:55.000Z' });
    expect(readUnixTime(1491827455123)).toEqual({ value: '2017-04-10T12:30:55.123Z' });
    expect(readUnixTime(0)).toEqual({ value: null });
    expect(readUnixTime('12')).toHaveProperty('problem');
  });

  it('writes the GMT+8 wall clock TOP expects, whatever the host zone', () => {
    expect(toShanghaiLocal(Date.UTC(2013, 4, 6, 5, 52, 3))).toBe('2013-05-06 13:52:03');
  });
});
