/**
 * Product `status` values of the mini-program stand-in. The batch_get page does not say what they
 * mean; this is the assumption the sandbox and the gateway's mapper share (README, "Xiaohongshu
 * mini-program statuses"). SKU `status`: 1 on shelf, 0 off shelf (after "sku商品-批量上架/下架").
 */
export const MINIAPP_STATUS = {
  /** 草稿: never submitted for review. */
  DRAFT: 0,
  /** 审核中. */
  PENDING: 1,
  /** 审核通过, 在线. */
  ONLINE: 2,
  /** 审核驳回 (audit_info.reject_reason). */
  REJECTED: 3,
  /** 已下线 by the merchant. */
  OFFLINE: 4,
  /** 平台封禁. */
  BANNED: 5,
  /** 已删除: listed only when asked for by `status: 6`. */
  DELETED: 6,
} as const;
