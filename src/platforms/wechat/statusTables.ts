/**
 * WeChat mini shop status codes -> the unified enums. Both tables follow the enumerations of the
 * `product/spu/get_list` page; a value not listed maps to UNKNOWN, never an error.
 */
import type { AuditState, ProductStatus } from '../../generated/graphql';
import { asCode } from '../readCount';

/** `status` ("item status online"). SKU `status` uses the same values [assumption: sku pages show only 5]. */
export const WECHAT_STATUS: Readonly<Record<number, ProductStatus>> = {
  0: 'DRAFT', // initial value: created, never put on the shelves
  5: 'ON_SALE', // on the shelves
  6: 'DELETED', // in the recycle bin
  9: 'DELETED', // logically deleted
  11: 'OFF_SALE', // taken off the shelves by the merchant
  12: 'SOLD_OUT', // taken off the shelves because it sold out
  13: 'BANNED', // removed for a violation / by risk control
};

/**
 * `edit_status`, the review state of the product's latest edit. 1 ("in edit") is NONE: the pending
 * edit has not been submitted for review yet.
 */
export const WECHAT_EDIT_STATUS: Readonly<Record<number, AuditState>> = {
  0: 'NONE', // initial value
  1: 'NONE', // being edited, not submitted
  2: 'PENDING', // under review
  3: 'REJECTED', // review failed
  4: 'APPROVED', // review passed
};

/** The documented number, or its text ("5"). */
export function toProductStatus(status: unknown): ProductStatus {
  const code = asCode(status);
  return code === undefined ? 'UNKNOWN' : (WECHAT_STATUS[code] ?? 'UNKNOWN');
}

export function toAuditState(editStatus: unknown): AuditState {
  const code = asCode(editStatus);
  return code === undefined ? 'UNKNOWN' : (WECHAT_EDIT_STATUS[code] ?? 'UNKNOWN');
}
