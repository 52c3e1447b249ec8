/**
 * The resource types the generator produces, with the id prefix and `spu_type` each uses. Only `a_` /
 * `ADO` (audio) comes from the detail page's example; `p_` (member) and `g_` (physical goods) are seen in
 * public client code; the other prefixes and spu types are the sandbox's own, in the same style.
 */
export interface ResourceKind {
  type: number;
  /** `resource_id` prefix, e.g. `a_` for audio. */
  prefix: string;
  spuType: string;
  spuTypeName: string;
  /** Physical goods (实物商品) carry real SKUs (颜色/尺码...), freight and a merchant goods_sn. */
  physical: boolean;
  weight: number;
}

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  { type: 1, prefix: 'i_', spuType: 'IMG', spuTypeName: '图文', physical: false, weight: 6 },
  { type: 2, prefix: 'a_', spuType: 'ADO', spuTypeName: '音频', physical: false, weight: 8 },
  { type: 3, prefix: 'v_', spuType: 'VDO', spuTypeName: '视频', physical: false, weight: 10 },
  { type: 4, prefix: 'l_', spuType: 'LIV', spuTypeName: '直播', physical: false, weight: 6 },
  { type: 5, prefix: 'p_', spuType: 'MEM', spuTypeName: '会员', physical: false, weight: 4 },
  { type: 6, prefix: 'p_', spuType: 'COL', spuTypeName: '专栏', physical: false, weight: 8 },
  { type: 8, prefix: 'p_', spuType: 'BCL', spuTypeName: '大专栏', physical: false, weight: 3 },
  { type: 20, prefix: 'e_', spuType: 'EBK', spuTypeName: '电子书', physical: false, weight: 3 },
  { type: 21, prefix: 'g_', spuType: 'ENT', spuTypeName: '实物商品', physical: true, weight: 30 },
  { type: 25, prefix: 'term_', spuType: 'CMP', spuTypeName: '训练营', physical: false, weight: 6 },
  { type: 29, prefix: 'o_', spuType: 'OFL', spuTypeName: '线下课', physical: false, weight: 3 },
  { type: 45, prefix: 'ai_', spuType: 'AIC', spuTypeName: 'AI互动课', physical: false, weight: 3 },
  { type: 50, prefix: 'course_', spuType: 'CRS', spuTypeName: '课程', physical: false, weight: 4 },
  { type: 68, prefix: 'svc_', spuType: 'SRV', spuTypeName: '服务类商品', physical: false, weight: 2 },
];

export const RESOURCE_KIND_CHOICES: ReadonlyArray<readonly [ResourceKind, number]> = RESOURCE_KINDS.map((k) => [k, k.weight] as const);
