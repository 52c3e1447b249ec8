import { describe, expect, it } from 'vitest';
import { fromShanghaiLocal, readUnixTime, toShanghaiLocal } from '../../src/platforms/time';

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
