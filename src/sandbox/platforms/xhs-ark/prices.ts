import type { ArkItem } from '../../../platforms/xhs-ark/types';
import type { Rng } from '../../data/random';
import type { CategoryWords } from '../../data/vocabulary';

/** Cross-border comprehensive tax rates; 0.2635 is the API page's own example. */
const CROSS_BORDER_TAX_RATES = [0.091, 0.119, 0.2635] as const;

/**
 * Prices as Ark sends them: yuan as binary floats. Binary float arithmetic is deliberate here (and only
 * here): cross-border items carry `tax = pre_tax_price * tax_rate` and `price = pre_tax_price + tax`
 * computed the way the upstream does, so the catalog holds values like `43.989999999999995` that the
 * gateway must round to the fen from their decimal text. One item in five is cross-border.
 */
export function makeArkPrices(
  rng: Rng,
  category: CategoryWords,
): Pick<ArkItem, 'tax' | 'pre_tax_price' | 'price' | 'original_price' | 'tax_rate'> {
  const [lo, hi] = category.priceFen;
  const fen = Math.floor(rng.int(lo, hi) / 100) * 100 + rng.pick([0, 0, 50, 90, 99]);
  const markupYuan = rng.int(1, 20) * 10;
  const withOriginal = rng.chance(0.6);
  if (rng.chance(0.8)) {
    const original = withOriginal ? { original_price: fen / 100 + markupYuan } : {};
    return { tax: null, pre_tax_price: null, price: fen / 100, ...original, tax_rate: null };
  }
  const rate = rng.pick(CROSS_BORDER_TAX_RATES);
  const preTax = fen / 100;
  const tax = preTax * rate;
  const price = preTax + tax;
  const original = withOriginal ? { original_price: Math.ceil(price) + markupYuan } : {};
  return { tax, pre_tax_price: preTax, price, ...original, tax_rate: rate };
}
