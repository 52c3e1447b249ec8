/**
 * One generated deal product, from its own seeded stream: first the facts the listing needs (id,
 * status, update time), then the content. The catalog keeps only the facts and rebuilds a product
 * when a page needs it: same stream, same draws, same bytes.
 */
import type { MiniappAuditInfo, MiniappProduct, MiniappSku } from '../../../platforms/xhs-miniapp/types';
import { deriveSeed, Rng } from '../../data/random';
import { imageUrl, REJECT_REASONS } from '../../data/vocabulary';
import { MINIAPP_STATUS } from './status';
import { DEAL_KINDS, SELLING_POINTS, type DealKind } from './words';

/** Generated times (unix ms) end at 2024-06-01T00:00:00Z and reach two years back. */
export const MINIAPP_CATALOG_END_MS = 1_717_200_000_000;
const DAY_MS = 86_400_000;
const IMAGE_HOST = 'sns-img-qc.xhscdn.com';

export interface MiniappFacts {
  itemId: string;
  status: number;
  createTime: number;
  updateTime: number;
}

export function productStream(seed: number, index: number): Rng {
  return new Rng(deriveSeed(seed, `rmp-product:${index}`));
}

/** The first draws of a product's stream. Every status of the assumption table occurs. */
export function drawProductFacts(rng: Rng, index: number): MiniappFacts {
  const status = rng.weighted<number>([
    [MINIAPP_STATUS.DRAFT, 8],
    [MINIAPP_STATUS.PENDING, 8],
    [MINIAPP_STATUS.ONLINE, 55],
    [MINIAPP_STATUS.REJECTED, 8],
    [MINIAPP_STATUS.OFFLINE, 12],
    [MINIAPP_STATUS.BANNED, 4],
    [MINIAPP_STATUS.DELETED, 5],
  ]);
  const createTime = MINIAPP_CATALOG_END_MS - rng.int(0, 730 * DAY_MS);
  const updateTime = createTime + rng.int(0, Math.min(300 * DAY_MS, MINIAPP_CATALOG_END_MS - createTime));
  // 4 bytes of seconds, 5 random bytes, a 3-byte counter: unique by construction, as object ids are.
  const itemId =
    Math.floor(createTime / 1000)
      .toString(16)
      .padStart(8, '0') +
    rng.hex(10) +
    (index % 0x1000000).toString(16).padStart(6, '0');
  return { itemId, status, createTime, updateTime };
}

/** Product `index`, regenerated from the seed; keys in the API page's order. */
export function generateProduct(seed: number, index: number): MiniappProduct {
  const rng = productStream(seed, index);
  const facts = drawProductFacts(rng, index);
  const kind = rng.pick(DEAL_KINDS);
  const merchant = rng.pick(kind.merchants);
  const deal = rng.pick(kind.deals);
  const outProductId = `RMP${String(index + 1).padStart(8, '0')}`;
  return {
    out_product_id: outProductId,
    name: `【${merchant}】${deal}`,
    desc: `${merchant}${deal},${rng.pick(SELLING_POINTS)}`,
    path: `pages/deal/detail?out_product_id=${outProductId}`,
    top_image: imageUrl(rng, IMAGE_HOST),
    category_id: kind.categoryId,
    biz_create_time: facts.createTime,
    biz_update_time: facts.updateTime,
    skus: makeSkus(rng, kind, facts.status, deal, outProductId),
    status: facts.status,
    short_title: rng.chance(0.6) ? deal : '',
    audit_info: makeAuditInfo(rng, facts),
    product_type: kind.productType,
    settle_type: rng.weighted<number>([
      [1, 60],
      [2, 30],
      [3, 10],
    ]),
    category_id_v2: kind.categoryIdV2,
    item_id: facts.itemId,
  };
}

/** 1-6 SKUs; only an online product has SKUs on shelf (status 1), most of them. */
function makeSkus(rng: Rng, kind: DealKind, status: number, deal: string, outProductId: string): MiniappSku[] {
  const options = [...kind.options];
  const count = rng.int(1, Math.min(6, options.length));
  return Array.from({ length: count }, (_, n) => {
    const option = options.splice(rng.int(0, options.length - 1), 1)[0]!;
    const sale = Math.floor(rng.int(kind.priceFen[0], kind.priceFen[1]) / 100) * 100 + rng.pick([0, 0, 80, 90]);
    return {
      out_sku_id: `${outProductId}-${n + 1}`,
      name: `${deal} ${option}`,
      short_title: '',
      sku_image: imageUrl(rng, IMAGE_HOST),
      origin_price: rng.chance(0.7) ? sale + rng.int(1, 30) * 1000 : sale,
      sale_price: sale,
      status: status === MINIAPP_STATUS.ONLINE && rng.chance(0.85) ? 1 : 0,
      sku_id: rng.hex(24),
    };
  });
}

/** Times in unix ms; a rejected product carries its reason; a draft was never submitted. */
function makeAuditInfo(rng: Rng, facts: MiniappFacts): MiniappAuditInfo {
  if (facts.status === MINIAPP_STATUS.DRAFT) return { submit_time: 0, audit_time: 0, reject_reason: '' };
  const submit = facts.createTime + rng.int(0, Math.max(0, facts.updateTime - facts.createTime));
  if (facts.status === MINIAPP_STATUS.PENDING) return { submit_time: submit, audit_time: 0, reject_reason: '' };
  const audit = Math.min(MINIAPP_CATALOG_END_MS, submit + rng.int(3_600_000, 3 * DAY_MS));
  const reason = facts.status === MINIAPP_STATUS.REJECTED ? rng.pick(REJECT_REASONS) : '';
  return { submit_time: submit, audit_time: audit, reject_reason: reason };
}
