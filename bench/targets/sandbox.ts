/**
 * The bench's sandbox, in its own process: all five platforms built from the default seed, every
 * quota raised out of reach (the bench measures servers, not quota refusals), and the ids the
 * scenarios ask for announced to the harness: live Taobao `num_iid`s, live, not forbidden Xiaoe
 * `<resource_type>:<resource_id>` keys, and the `product_id`s of WeChat's first `get_list` page of
 * status 5 (on sale), in list order (the Xiaoe and WeChat catalogs rebuilt here from the same seeds).
 */
import { deriveSeed } from '../../src/sandbox/data/random';
import { DEFAULT_SEED } from '../../src/sandbox/options';
import { buildWechatCatalog } from '../../src/sandbox/platforms/wechat/catalog';
import { buildXiaoeCatalog } from '../../src/sandbox/platforms/xiaoe/catalog';
import { announceReady, installProbe } from '../harness/probe';
import { startUnlimitedSandbox } from '../harness/unlimitedSandbox';

const SIZE = Number(process.env.BENCH_CATALOG_SIZE ?? 5_000);
const IDS_WANTED = 200;

installProbe();
const { sandbox, taobao } = await startUnlimitedSandbox(SIZE);
const xiaoe = buildXiaoeCatalog(deriveSeed(DEFAULT_SEED, 'xiaoe'), SIZE);
const xiaoeIds = xiaoe.newestFirst.filter((g) => !g.isDeleted && !g.isForbid).map((g) => g.key);
const wechat = buildWechatCatalog({ seed: deriveSeed(DEFAULT_SEED, 'wechat'), size: SIZE });
const WECHAT_ON_SALE = 5;
announceReady(sandbox.url, {
  ids: {
    taobao: [...taobao.catalog.items.keys()].slice(0, IDS_WANTED),
    xiaoe: xiaoeIds.slice(0, IDS_WANTED),
    wechatOnSale: wechat.page(WECHAT_ON_SALE, 0, IDS_WANTED).map((p) => String(p.online.product_id)),
  },
});
