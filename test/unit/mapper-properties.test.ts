/**
 * Property tests of the five mappers (issue 15, item 4): generated records within each page's types,
 * odd values included (mapperArbitraries.ts), must map without throwing to products that keep every
 * invariant of productInvariants.ts, and never null a creation time silently (item 3). Seeded, a few
 * hundred runs each, so a failure reproduces.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { ProductStatus, Sku } from '../../src/generated/graphql';
import { toTaobaoProduct } from '../../src/platforms/taobao/mapper';
import type { TopItem } from '../../src/platforms/taobao/topItem';
import { mapWechatProduct } from '../../src/platforms/wechat/mapper';
import { toProductStatus } from '../../src/platforms/wechat/statusTables';
import { mapArkHit } from '../../src/platforms/xhs-ark/mapper';
import type { ArkHit } from '../../src/platforms/xhs-ark/types';
import { mapMiniappProduct } from '../../src/platforms/xhs-miniapp/mapper';
import type { MiniappProduct } from '../../src/platforms/xhs-miniapp/types';
import { toXiaoeProduct } from '../../src/platforms/xiaoe/mapper';
import { toXiaoeSkuStatus } from '../../src/platforms/xiaoe/status';
import { arkHit, miniappProduct, topItem, wechatSkus, wechatSpu, xiaoeRecord } from './mapperArbitraries';
import { checkProductInvariants } from './productInvariants';

const RUNS = { seed: 15, numRuns: 300 };

/**
 * The SKUs a derived product stock sums over, by each SKU's own status: the live ones (ON_SALE,
 * SOLD_OUT), or when none is live every one not deleted (docs/platforms.md, "SKUs and their product").
 */
function countedBy(skus: readonly Sku[], own: readonly ProductStatus[]): Sku[] {
  const live = skus.filter((_, i) => own[i] === 'ON_SALE' || own[i] === 'SOLD_OUT');
  return live.length > 0 ? live : skus.filter((_, i) => own[i] !== 'DELETED');
}

describe('mapper invariants on generated records', () => {
  it('Taobao', () => {
    fc.assert(
      fc.property(topItem, (item) => {
        checkProductInvariants(toTaobaoProduct(item as TopItem), { hadStatus: item.approve_status != null, createdFrom: item.created });
      }),
      RUNS,
    );
  });

  it('Xiaoe, product stock being the sum over its live SKUs', () => {
    fc.assert(
      fc.property(xiaoeRecord, (record) => {
        const product = toXiaoeProduct(record);
        const own = (record.sku ?? []).map((sku) => toXiaoeSkuStatus(sku).status);
        const stockFrom = record.stock && record.sku ? countedBy(product.skus ?? [], own) : undefined;
        checkProductInvariants(product, { hadStatus: true, createdFrom: record.created_at, ...(stockFrom ? { stockFrom } : {}) });
      }),
      RUNS,
    );
  });

  it('WeChat, product stock being the sum over its live SKUs', () => {
    fc.assert(
      fc.property(wechatSpu, wechatSkus, (spu, skus) => {
        const product = mapWechatProduct({ spu, skus });
        const stockFrom = skus
          ? countedBy(
              product.skus ?? [],
              skus.map((sku) => toProductStatus(sku.status)),
            )
          : undefined;
        checkProductInvariants(product, {
          hadStatus: spu.status != null,
          createdFrom: spu.create_time,
          ...(stockFrom ? { stockFrom } : {}),
        });
      }),
      RUNS,
    );
  });

  it('Xiaohongshu Ark', () => {
    fc.assert(
      fc.property(arkHit, (hit) => {
        checkProductInvariants(mapArkHit(hit as unknown as ArkHit), { hadStatus: true, createdFrom: hit.item.create_time });
      }),
      RUNS,
    );
  });

  it('Xiaohongshu mini-program', () => {
    fc.assert(
      fc.property(miniappProduct, (product) => {
        checkProductInvariants(mapMiniappProduct(product as MiniappProduct), {
          hadStatus: product.status != null,
          createdFrom: product.biz_create_time,
        });
      }),
      RUNS,
    );
  });
});
