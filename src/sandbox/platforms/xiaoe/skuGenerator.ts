/**
 * SKUs and their stock rows for one generated goods record, in the detail page's `sku[]` and `stock[]`
 * shapes. `attr_data` entries are `{attr_name, attr_value}`: the page shows only an empty array, so that
 * shape is the sandbox's assumption (the gateway's mapper reads it).
 */
import type { Rng } from '../../data/random';
import type { CategoryWords } from '../../data/vocabulary';
import { skuPropertyCombinations } from '../../data/vocabulary';
import type { ResourceKind } from './resourceKinds';

type StockProfile = 'normal' | 'sold-out' | 'huge';

export interface GeneratedSkus {
  sku: Array<Record<string, unknown>>;
  stock: Array<Record<string, unknown>>;
  /** The non-deleted SKUs' prices, for price_low / price_high / price_line. */
  prices: Array<{ price: number; linePrice: number }>;
}

const HUGE_STOCK = 999_999_999;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function generateSkus(
  rng: Rng,
  kind: ResourceKind,
  category: CategoryWords,
  goodsName: string,
  image: string,
  isFree: boolean,
): GeneratedSkus {
  const combos = kind.physical || rng.chance(0.2) ? skuPropertyCombinations(rng, category) : [[]];
  const profile = rng.weighted<StockProfile>([
    ['normal', 82],
    ['sold-out', 8],
    ['huge', 10],
  ]);
  const out: GeneratedSkus = { sku: [], stock: [], prices: [] };
  const deletedIndex = combos.length > 1 && rng.chance(0.05) ? rng.int(0, combos.length - 1) : -1;
  combos.forEach((props, i) => {
    const draft: SkuDraft = {
      skuId: `SKU_${kind.spuType}_${rng.int(1_000_000_000_000, 9_999_999_999_999)}${randomAlnum(rng, 5)}`,
      props,
      isDefault: i === 0,
      deleted: i === deletedIndex,
      price: isFree ? 0 : skuPrice(rng, category),
      linePrice: 0,
    };
    if (!isFree && rng.chance(0.5)) draft.linePrice = Math.round((draft.price * rng.int(120, 200)) / 10_000) * 100;
    out.sku.push(skuRow(draft, kind, goodsName, image, isFree));
    out.stock.push(stockRow(rng, draft.skuId, draft.deleted, isFree, profile));
    if (!draft.deleted) out.prices.push({ price: draft.price, linePrice: draft.linePrice });
  });
  return out;
}

interface SkuDraft {
  skuId: string;
  props: ReadonlyArray<{ name: string; value: string }>;
  isDefault: boolean;
  deleted: boolean;
  price: number;
  linePrice: number;
}

function skuRow(draft: SkuDraft, kind: ResourceKind, goodsName: string, image: string, isFree: boolean): Record<string, unknown> {
  const { props } = draft;
  return {
    attr_data: props.map((p) => ({ attr_name: p.name, attr_value: p.value })),
    is_default: draft.isDefault ? 1 : 0,
    is_deleted: draft.deleted ? 1 : 0,
    is_free: isFree ? 1 : 0,
    limit_purchase: 0,
    limit_purchase_type: 0,
    order_stock_limit: kind.physical ? 1 : 0,
    period_type: 0,
    period_value: '0',
    sku_business_id: '',
    sku_desc: props.map((p) => `${p.name}:${p.value}`).join(';'),
    sku_id: draft.skuId,
    sku_img: image,
    sku_line_price: draft.linePrice,
    sku_min_purchase: 0,
    sku_name: props.length > 0 ? props.map((p) => p.value).join('/') : goodsName,
    sku_price: draft.price,
    state: draft.deleted ? 0 : 1,
    value_count: props.length > 0 ? 2 : 1,
  };
}

function stockRow(rng: Rng, skuId: string, deleted: boolean, isFree: boolean, profile: StockProfile): Record<string, unknown> {
  // stock_type 2 = 买断/免费: no quantity is kept, only what was sold.
  if (isFree) {
    return {
      is_deleted: deleted ? 1 : 0,
      left_num: 0,
      remark: '',
      sell_num: rng.int(0, 20_000),
      setting_stock: 0,
      sku_id: skuId,
      stock_type: 2,
    };
  }
  const setting = profile === 'huge' ? HUGE_STOCK : rng.int(1, 5_000);
  const sold = profile === 'sold-out' ? setting : profile === 'huge' ? rng.int(0, 50_000) : rng.int(0, setting);
  return {
    is_deleted: deleted ? 1 : 0,
    left_num: setting - sold,
    remark: '',
    sell_num: sold,
    setting_stock: setting,
    sku_id: skuId,
    stock_type: 0,
  };
}

/** A shop-like price in fen: whole yuan minus 10 fen (¥59.90), inside the category's range. */
function skuPrice(rng: Rng, category: CategoryWords): number {
  const [min, max] = category.priceFen;
  const yuan = rng.int(Math.max(1, Math.ceil(min / 100)), Math.max(1, Math.floor(max / 100)));
  return yuan * 100 - 10;
}

export function randomAlnum(rng: Rng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALNUM[rng.int(0, ALNUM.length - 1)];
  return out;
}
