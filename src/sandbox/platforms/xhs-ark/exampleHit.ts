/**
 * The example hit of the Ark "商品列表完整版" page (GET /ark/open_api/v1/items), as the page prints it:
 * kept as text so the sandbox can answer its floats (`252.69999999999999`, `52.700000000000003`,
 * `200.0`) exactly as written, which JSON.stringify cannot.
 */
export const ARK_EXAMPLE_HIT_TEXT = `{
"item": {
"spu_id": "58df57bd46283960f49562a5",
"update_time": 1491827455,
"ename": null,
"name": "RED test high heel 灰色 39",
"logistics": "auto",
"skucode": "6907315161898",
"tax": 52.700000000000003,
"pre_tax_price": 200.0,
"price": 252.69999999999999,
"tax_rate": 0.26350000000000001,
"barcode": "6907315161898",
"available": true,
"buyable": true,
"spv_id": "58e5a8e4c9d7597de8649ab2",
"state": 1,
"create_time": 1491445988,
"pending_changes": null,
"status": 2,
"spl_id": "58e5a86d70e7526fcc5caaa7",
"top_image": null,
"barcode_type": "upc",
"id": "58e5a8e4c9d7597de8649ab5",
"stock": 0,
"is_frozen": false
},
"spl": {
"spu_id": "58df57bd46283960f49562a5",
"status": 2,
"id": "58e5a86d70e7526fcc5caaa7",
"state": 1,
"variants": [
{
"ename": "Color",
"id": "56d84f9a805d891008705275",
"value": "灰色",
"name": "颜色"
}
],
"pending_change": null
},
"spu": {
"pending_changes": null,
"ename": "",
"name": "test high heel",
"short_name": "",
"brand": {
"ename": "RED",
"id": "55587773b424d669f47bed35",
"name": "RED"
},
"brand_id": "55587773b424d669f47bed35",
"category_id": "572dd173939e250d08ec59f2",
"id": "58df57bd46283960f49562a5",
"categories": [
{
"ename": "Shoes",
"id": "52ce1c02b4c4d649b58b892f",
"name": "鞋子"
},
{
"ename": "Women's shoes",
"id": "56a6eecd8e7989cd56fcea7f",
"name": "女鞋"
},
{
"ename": "Women's high heels",
"id": "572dd173939e250d08ec59f2",
"name": "女士高跟鞋"
}
]
},
"spv": {
"spu_id": "58df57bd46283960f49562a5",
"pending_changes": null,
"import_cost": null,
"net_weight": 50,
"qty": 1,
"spl_id": "58e5a86d70e7526fcc5caaa7",
"id": "58e5a8e4c9d7597de8649ab2",
"unit": "双",
"barcode_type": "upc",
"non_desc_variants": [
{
"ename": "Shoes Size",
"id": "56d84f9a805d891008705276",
"value": "39",
"name": "尺码"
}
],
"state": 1,
"usage": "",
"shelf_life": null,
"ingredient": "",
"status": 2,
"customs_photos_urls": [],
"barcode": "6907315161898",
"gross_weight": 100,
"customs_photos": [],
"manufacturer": "",
"customs_specification": "",
"country": "中国"
},
"spl_item": {
"spu_id": "58df57bd46283960f49562a5",
"status": 3,
"videos": null,
"spl_id": "58e5a86d70e7526fcc5caaa7",
"feature": "12345",
"image_urls": [],
"faqs": [
{
"answer": "answer",
"question": "question?"
}
],
"state": 1,
"pending_changes": null,
"user_guide": null,
"image_desc": null,
"images": [
{
"name": null,
"extension": ".jpg",
"height": 1200,
"width": 1200,
"link": "http://img.xiaohongshu.com/items/5d9ff90785e29809429f6b7873363fe3",
"path": "items/5d9ff90785e29809429f6b7873363fe3"
}
],
"attributes": [
{
"ename": null,
"name": "材质",
"image": null,
"value": "丝绒,羊里皮",
"image_url": null,
"property_id": "58450b30805d89635938325e"
},
{
"ename": null,
"name": "鞋跟高",
"image": null,
"value": "70mm",
"image_url": null,
"property_id": "58450b31805d89635938327e"
},
{
"ename": null,
"name": "产地",
"image": null,
"value": "中国",
"image_url": null,
"property_id": "58450b30805d89635938325f"
}
],
"id": "58e5a86d70e7526fcc5caaaa",
"desc": ""
}
}`;
