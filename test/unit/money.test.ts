import { describe, expect, it } from 'vitest';
import { toMoneyFromFen, toMoneyFromYuanNumber, toMoneyFromYuanText } from '../../src/platforms/money';

describe('money', () => {
  it('formats fen as a two-decimal amount', () => {
    expect(toMoneyFromFen(2)).toEqual({ amount: '0.02', currency: 'CNY', minorUnits: 2 });
    expect(toMoneyFromFen(25270)).toEqual({ amount: '252.70', currency: 'CNY', minorUnits: 25270 });
    expect(toMoneyFromFen(-5)).toEqual({ amount: '-0.05', currency: 'CNY', minorUnits: -5 });
  });

  it("holds Taobao's documented maximum of 100,000,000 yuan exactly", () => {
    expect(toMoneyFromYuanText('100000000.00')).toEqual({ amount: '100000000.00', currency: 'CNY', minorUnits: 10_000_000_000 });
  });

  it('reads yuan text exactly, rounding half-up on the third decimal', () => {
    expect(toMoneyFromYuanText('200.07')?.minorUnits).toBe(20007);
    expect(toMoneyFromYuanText('5')?.amount).toBe('5.00');
    expect(toMoneyFromYuanText('1.005')?.amount).toBe('1.01');
    expect(toMoneyFromYuanText('1.0049')?.amount).toBe('1.00');
    expect(toMoneyFromYuanText('0.999')?.amount).toBe('1.00');
  });

  it('rounds Ark float yuan from their decimal text, never by float multiplication', () => {
    expect(toMoneyFromYuanNumber(252.69999999999999)?.amount).toBe('252.70');
    // 1.005 * 100 is 100.49999999999999 in binary floating point; the text "1.005" rounds to 1.01.
    expect(toMoneyFromYuanNumber(1.005)?.minorUnits).toBe(101);
    expect(toMoneyFromYuanNumber(0.1 + 0.2)?.amount).toBe('0.30');
    expect(toMoneyFromYuanNumber(1e-7)?.amount).toBe('0.00');
  });

  it('refuses values it cannot represent instead of guessing', () => {
    expect(toMoneyFromYuanText('')).toBeNull();
    expect(toMoneyFromYuanText('12,00')).toBeNull();
    expect(toMoneyFromYuanText('abc')).toBeNull();
    expect(toMoneyFromYuanNumber(Number.NaN)).toBeNull();
    expect(() => toMoneyFromFen(1.5)).toThrow(RangeError);
    expect(() => toMoneyFromYuanNumber(1.5e21)).toThrow(RangeError);
  });
});
