/**
 * Local-life deal words for the mini-program catalog: per `product_type` (1 团购, 2 酒旅预售券,
 * 3 酒旅日历商品, as the batch_get page documents them) the merchants, deals, SKU options and fen
 * price ranges.
 */

export interface DealKind {
  productType: 1 | 2 | 3;
  merchants: readonly string[];
  deals: readonly string[];
  /** SKU names are picked from these. */
  options: readonly string[];
  /** Sale price range in fen. */
  priceFen: readonly [number, number];
  /** Category ids (`category_id`, `category_id_v2`) as the platform's numeric-looking strings. */
  categoryId: string;
  categoryIdV2: string;
}

export const DEAL_KINDS: readonly DealKind[] = [
  {
    productType: 1,
    merchants: ['海底捞', '喜茶', '西贝莜面村', '太二酸菜鱼', '巴奴火锅', '外婆家', '绿茶餐厅', '丝享家SPA'],
    deals: ['双人套餐', '四人套餐', '单人午市套餐', '100元代金券', '下午茶套餐', '60分钟足疗'],
    options: ['工作日可用', '周末通用', '节假日通用', '含饮品', '不含饮品', '堂食', '外带'],
    priceFen: [1990, 59900],
    categoryId: '10010001',
    categoryIdV2: '6010100101',
  },
  {
    productType: 2,
    merchants: ['全季酒店', '亚朵酒店', '汉庭酒店', '三亚亚特兰蒂斯', '上海迪士尼乐园酒店'],
    deals: ['高级大床房 1晚', '豪华双床房 1晚', '亲子套房 2晚', '海景房 2晚连住'],
    options: ['含早', '不含早', '含双早', '含双早+下午茶'],
    priceFen: [29900, 399900],
    categoryId: '10020001',
    categoryIdV2: '6020100101',
  },
  {
    productType: 3,
    merchants: ['长隆欢乐世界', '故宫博物院', '上海迪士尼乐园', '黄山风景区', '乌镇西栅'],
    deals: ['成人票', '亲子票(1大1小)', '夜场票', '二日联票'],
    options: ['周日至周四', '周五至周六', '法定节假日', '寒暑假'],
    priceFen: [4900, 89900],
    categoryId: '10030001',
    categoryIdV2: '6030100101',
  },
];

export const SELLING_POINTS = ['随时退', '过期自动退', '免预约', '需提前1天预约', '限时特惠', '小红书专享'] as const;
