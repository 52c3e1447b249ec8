/**
 * One merchant's Xiaoe shop as the business routes see it: its catalog and the list filter over it.
 */
import type { XiaoeCatalog, XiaoeGoods } from './catalog';
import { createListFilter, type ListFilter } from './listFilter';

export interface XiaoeShop {
  catalog: XiaoeCatalog;
  filterGoods: (filter: ListFilter) => readonly XiaoeGoods[];
}

/**
 * The shop of the app a valid token was issued to. Tokens are issued only to known merchants' app ids,
 * so a valid token always names a shop.
 */
export type XiaoeShopOf = (appId: string) => XiaoeShop;

export function createXiaoeShop(catalog: XiaoeCatalog): XiaoeShop {
  return { catalog, filterGoods: createListFilter(catalog) };
}
