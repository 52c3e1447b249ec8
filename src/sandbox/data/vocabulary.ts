/** Words the catalog generators build realistic Chinese products from. */
import type { Rng } from './random';

export interface CategoryWords {
  name: string;
  nouns: readonly string[];
  /** Sale properties (SKU dimensions) this category uses, each with its values. */
  properties: ReadonlyArray<{ name: string; values: readonly string[] }>;
  /** Typical price range in fen. */
  priceFen: readonly [number, number];
}

export const BRANDS = [
  '李宁',
  '安踏',
  '小米',
  '华为',
  '海尔',
  '美的',
  '三只松鼠',
  '百草味',
  '良品铺子',
  '完美日记',
  '花西子',
  '波司登',
  '回力',
  '飞跃',
  '百雀羚',
  '云南白药',
  '故宫文创',
  '得力',
  '晨光',
  '南极人',
] as const;

export const ADJECTIVES = [
  '新款',
  '经典',
  '加厚',
  '轻薄',
  '限量',
  '国潮',
  '高端',
  '简约',
  '复古',
  '网红同款',
  '正品',
  '夏季',
  '冬季',
  '大容量',
  '便携',
] as const;

export const CATEGORIES: readonly CategoryWords[] = [
  {
    name: '服装',
    nouns: ['T恤', '卫衣', '羽绒服', '连衣裙', '牛仔裤', '衬衫'],
    properties: [
      { name: '颜色', values: ['黑色', '白色', '红色', '藏青', '灰色'] },
      { name: '尺码', values: ['S', 'M', 'L', 'XL', 'XXL'] },
    ],
    priceFen: [3900, 89900],
  },
  {
    name: '鞋靴',
    nouns: ['运动鞋', '帆布鞋', '高跟鞋', '跑步鞋', '马丁靴'],
    properties: [
      { name: '颜色', values: ['黑色', '白色', '灰色', '米色'] },
      { name: '尺码', values: ['36', '37', '38', '39', '40', '41', '42', '43'] },
    ],
    priceFen: [5900, 129900],
  },
  {
    name: '食品',
    nouns: ['坚果礼盒', '牛肉干', '龙井茶', '月饼', '螺蛳粉', '红枣'],
    properties: [
      { name: '规格', values: ['250g', '500g', '1kg', '礼盒装'] },
      { name: '口味', values: ['原味', '香辣', '五香', '蜂蜜'] },
    ],
    priceFen: [990, 29900],
  },
  {
    name: '数码',
    nouns: ['蓝牙耳机', '充电宝', '智能手表', '机械键盘', '数据线'],
    properties: [
      { name: '颜色', values: ['曜石黑', '珍珠白', '远峰蓝'] },
      { name: '版本', values: ['标准版', 'Pro', '旗舰版'] },
    ],
    priceFen: [1990, 399900],
  },
  {
    name: '美妆',
    nouns: ['口红', '粉底液', '面膜', '精华液', '眼影盘'],
    properties: [
      { name: '色号', values: ['#01', '#02', '#03', '#05', '#08'] },
      { name: '规格', values: ['小样', '正装', '套装'] },
    ],
    priceFen: [2900, 59900],
  },
  {
    name: '家居',
    nouns: ['四件套', '保温杯', '收纳箱', '台灯', '抱枕'],
    properties: [
      { name: '颜色', values: ['米白', '浅灰', '雾霾蓝', '奶油黄'] },
      { name: '规格', values: ['1.5m床', '1.8m床', '500ml', '大号', '小号'] },
    ],
    priceFen: [1990, 59900],
  },
  {
    name: '课程',
    nouns: ['Python 入门课', '英语口语训练营', '考研数学精讲', '摄影基础课', '理财小白课'],
    properties: [
      { name: '班型', values: ['录播', '直播', '1对1'] },
      { name: '有效期', values: ['3个月', '1年', '永久'] },
    ],
    priceFen: [0, 199900],
  },
];

export const REJECT_REASONS = ['商品主图含有违规文字', '类目选择错误', '资质证明缺失', '价格信息不一致', '标题含极限词「最」'] as const;

/** A product title like "李宁 新款 运动鞋 37码" from the category's words. */
export function productTitle(rng: Rng, category: CategoryWords, brand: string): string {
  return `${brand} ${rng.pick(ADJECTIVES)} ${rng.pick(category.nouns)}`;
}

/** 1-6 SKUs' property combinations, as `[{name, value}]` per SKU. */
export function skuPropertyCombinations(rng: Rng, category: CategoryWords): Array<Array<{ name: string; value: string }>> {
  const count = rng.int(1, 6);
  const [first, second] = category.properties;
  const combos: Array<Array<{ name: string; value: string }>> = [];
  const seen = new Set<string>();
  for (let guard = 0; combos.length < count && guard < 50; guard++) {
    const combo = [first, second].filter((p) => p !== undefined).map((p) => ({ name: p.name, value: rng.pick(p.values) }));
    const key = combo.map((c) => c.value).join('|');
    if (!seen.has(key)) {
      seen.add(key);
      combos.push(combo);
    }
  }
  return combos;
}

export function imageUrl(rng: Rng, host: string): string {
  return `https://${host}/images/${rng.hex(24)}.jpg`;
}
