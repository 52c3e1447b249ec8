import { describe, expect, it } from 'vitest';
import type { Money } from '../../src/generated/graphql';
import { priceRangeOf, toMoneyFromFen, toMoneyFromYuanNumber, toMoneyFromYuanText } from '../../src/platforms/money';

/** The reading of yuan text the parser replaced (regex and bigint throughout): the reference it must match. */
function referenceYuanText(text: string): Money | null | 'throws' {
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return null;
  const [, sign, whole = '0', frac = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2)) + (frac.length > 2 && frac[2]! >= '5' ? 1n : 0n);
  const value = sign === '-' ? -fen : fen;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) return 'throws';
  const abs = value < 0n ? -value : value;
  const amount = `${value < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return { amount, currency: 'CNY', minorUnits: Number(value) };
}

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

  it('reads yuan text as the regex-and-bigint reading did, on both sides of 13 whole digits', () => {
    const texts = [
      '0',
      '-0',
      '+0',
      '-0.004',
      '-0.005',
      '5',
      '+5',
      '-5',
      '5.',
      '05.5',
      '.5',
      '5.5.5',
      '1.2a',
      'a1',
      '-',
      '+',
      '',
      ' 7.25 ',
      '1e5',
      '1,5',
      '\u0661',
      '\uff11',
      '0.994',
      '0.995',
      '0.9999',
      '1.00000000001',
      '9999999999999.99',
      '9999999999999.995',
      '10000000000000.00',
      '90071992547409.91',
      '90071992547409.92',
      '00000000000000001.5',
      '99999999999999999.99',
    ];
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 2000; i++) {
      const whole = Array.from({ length: 1 + random(16) }, () => random(10)).join('');
      const frac = random(4) === 0 ? '' : `.${Array.from({ length: random(5) }, () => random(10)).join('')}`;
      texts.push(`${['', '-', '+'][random(3)]}${whole}${frac}`);
    }
    for (const text of texts) {
      let mine: Money | null | 'throws';
      try {
        mine = toMoneyFromYuanText(text);
      } catch {
        mine = 'throws';
      }
      expect([text, mine]).toEqual([text, referenceYuanText(text)]);
    }
  });

  it('gives the first of equal lowest prices as min and the last of equal highest as max', () => {
    const [a, b, c, d] = ['3.00', '1.00', '1.00', '3.00'].map((t) => toMoneyFromYuanText(t)!);
    const range = priceRangeOf([a!, b!, c!, d!]);
    expect(range?.min).toBe(b);
    expect(range?.max).toBe(d);
    expect(priceRangeOf([])).toBeNull();
  });
});
