/**
 * The example Item of the taobao.miniapp.items.get API page, verbatim (num_iid 1489161932, "Google test
 * item", sku 123 at "200.07"), plus the [assumption] fields the page does not list, so the gateway can
 * show stock, dates and a description for it too.
 */
import type { TopItem } from '../../../platforms/taobao/topItem';
import { merchantNumber } from '../../merchantNames';

const IMAGE = 'http://img03.taobao.net/bao/uploaded/i3/T1HXdXXgPSt0JxZ2.8_070458.jpg';

/** The page's values only, in the page's order. */
export function documentedExampleItem(): TopItem {
  return {
    iid: '569a64fce2e98bce187bcbbb4a4d262a',
    detail_url: 'http://item.taobao.com/auction/item_detail.htm?xid=0db2&item_num_id=46418&cm_cat=559372&pm2=1',
    num_iid: 1489161932,
    title: 'Google test item',
    nick: 'tbtest561',
    type: 'fixed',
    cid: 132443,
    seller_cids: '2234445,3344466,446434',
    props: '135255:344454',
    input_pids: '2432,5353,656425',
    input_str: '耐克;耐克系列;科比系列;科比系列;2K5',
    pic_url: IMAGE,
    stuff_status: 'new',
    price: '5.00',
    approve_status: 'onsale',
    product_id: 85883030,
    auction_point: 15,
    property_alias: 'property',
    item_imgs: { item_img: [{ url: IMAGE, position: 1 }] },
    prop_imgs: { prop_img: [{ url: IMAGE, properties: '1627207:28326', position: 1 }] },
    skus: {
      sku: [
        {
          sku_id: 123,
          properties: '1243:1215;5626:5125',
          properties_name: '20000:3275069:品牌:盈讯;1753146:3485013:型号:F908;-1234:-5678:自定义属性1:属性值1',
          price: '200.07',
          outer_id: '12345',
          barcode: '6903244981002',
          promoted_price: '128.99',
          pic_url: IMAGE,
        },
      ],
    },
    // The page prints this URL cut short with "……"; the cut is left out.
    videos: {
      video: [
        { url: 'http://js.tudouui.com/bin/taobaoisv/TaoBaoPlayer.swf', created: '2000-01-01 00:00:00', modified: '2000-01-01 00:00:00' },
      ],
    },
    second_kill: 'web_only',
    props_name: '20000:3275069:品牌:盈讯;1753146:3485013:型号:F908;30606:112030:上市时间:2008年',
    barcode: '6903244981002',
    promoted_price: '128.99',
    main_pic34: IMAGE,
    upright_image_url: IMAGE,
    outer_id: '34143554352',
    is_virtual: true,
  };
}

/** The example as the sandbox serves it: the page's values, then the [assumption] fields. */
export function exampleItem(): TopItem {
  const item = documentedExampleItem();
  for (const sku of item.skus?.sku ?? []) {
    Object.assign(sku, { quantity: 100, status: 'normal', created: '2013-05-06 13:52:03', modified: '2013-05-06 13:52:03' });
  }
  return {
    ...item,
    num: 100,
    created: '2013-05-06 13:52:03',
    modified: '2013-05-06 13:52:03',
    list_time: '2013-05-06 13:52:03',
    delist_time: '2013-05-13 13:52:03',
    desc: '<p>Google test item</p>',
  };
}

/**
 * The example as an extra merchant's catalog holds it: the same num_iid, its own title and prices
 * (`Google test item (m2)`, every price `n - 1` yuan higher for `m<n>`), so isolation tests can tell
 * whose item they got.
 */
export function merchantExampleItem(merchant: string): TopItem {
  const item = exampleItem();
  const raise = (price: string | undefined): string | undefined =>
    price === undefined ? undefined : (Number(price) + merchantNumber(merchant) - 1).toFixed(2);
  for (const sku of item.skus?.sku ?? []) sku.price = raise(sku.price);
  return { ...item, title: `${item.title} (${merchant})`, price: raise(item.price) };
}
