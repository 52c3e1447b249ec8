/**
 * The goods detail 2.0 page's request and response examples (请求示例 / 返回示例), copied verbatim as
 * text, so the mapper and sandbox tests check against the page itself rather than against each other.
 */

export const DOC_DETAIL_REQUEST_EXAMPLE = JSON.parse(String.raw`{
    "access_token": "xe_xxxx",
    "resources":[
        {
            "type":2,
            "ids":[
                "a_619fba7ae4b03f3fb99c7809"
            ]
        }
    ],
    "body":"stock,sku,attr"
}`) as Record<string, unknown>;

export const DOC_DETAIL_RESPONSE_EXAMPLE = JSON.parse(String.raw`{
    "code": 0,
    "msg": "success",
    "data": [
        {
            "app_id": "appxxxx",
            "appraise_num": 0,
            "attach_count": 0,
            "attr": [],
            "can_sold_end": "0000-00-00 00:00:00",
            "can_sold_start": "0000-00-00 00:00:00",
            "created_at": "2021-11-26 00:31:54",
            "custom_cover": "",
            "detail_cos_url":"",    

            "distribution_pattern": 1,
            "extend": {
                "sell_num": 2,
                "stock": 999999997
            },
            "freight": 0,
            "freight_template_id": 0,
            "goods_brief_text": "",
            "goods_category_id": "",
            "goods_detail_text": "",
            "goods_img": [
                "https://wechatapppro-125252xxxx.file.myqcloud.com/appAKLWLitnxxxx/image/b_u_5b2225aa46488_oGKN7IvA/kwes0kzk0hhw.png"
            ],
            "goods_name": "呜呜",
            "goods_tag": "",
            "goods_tag_is_show": 1,
            "has_distribute": 1,
            "id": 3458475,
            "img_url_compressed": "https://wechatapppro-125252xxxx.file.myqcloud.com/appAKLWLitnxxxx/image/b_u_5b2225aa46488_oGKN7IvA/kwes0kzk0hhw.png",
            "is_best": 0,
            "is_deleted": 0,
            "is_display": 1,
            "is_forbid": 0,
            "is_free": 0,
            "is_goods_package": 0,
            "is_hot": 0,
            "is_ignore": 0,
            "is_new": 0,
            "is_password": 0,
            "is_public": 1,
            "is_recom": 0,
            "is_single": 1,
            "is_stop_sell": 0,
            "is_timing_sale": 1,
            "is_uniform_freight": 1,
            "limit_purchase": 0,
            "period": -1,
            "period_type": 0,
            "period_value": "0",
            "price_high": 2,
            "price_line": 0,
            "price_low": 2,
            "pv": 2,
            "resource_id": "a_619fba7ae4b03f3fb99c7809",
            "resource_type": 2,
            "sale_at": "2021-11-30 00:36:01",
            "sale_status": 1,
            "sell_mode": 1,
            "sell_type": 1,
            "show_stock": 0,
            "sku": [
                {
                    "attr_data": [],
                    "is_default": 1,
                    "is_deleted": 0,
                    "is_free": 0,
                    "limit_purchase": 0,
                    "limit_purchase_type": 0,
                    "order_stock_limit": 0,
                    "period_type": 0,
                    "period_value": "0",
                    "sku_business_id": "",
                    "sku_desc": "",
                    "sku_id": "SKU_ADO_6378579149295pIEPP38",
                    "sku_img": "https://wechatapppro-125252xxxx.file.myqcloud.com/appAKLWLitnxxxx/image/b_u_5b2225aa46488_oGKN7IvA/kwes0kzk0hhw.png",
                    "sku_line_price": 0,
                    "sku_min_purchase": 0,
                    "sku_name": "呜呜",
                    "sku_price": 2,
                    "state": 1,
                    "value_count": 0
                }
            ],
            "spu_id": "a_619fba7ae4b03f3fb99c7809",
            "spu_type": "ADO",
            "stock": [
                {
                    "is_deleted": 0,
                    "left_num": 999999997,
                    "remark": "",
                    "sell_num": 2,
                    "setting_stock": 999999997,
                    "sku_id": "SKU_ADO_6378579149295pIEPP38"
                }
            ],
            "stock_deduct_mode": 0,
            "timing_sale": "2021-11-30 00:36:00",
            "updated_at": "2021-11-30 00:36:01",
            "uv": 1,
            "video_img_url": "",
            "visit_num": 2,
            "wx_goods_category_id": ""
        }
    ]
}`) as { code: number; msg: string; data: Array<Record<string, unknown>> };

export const DOC_EXAMPLE_RECORD = DOC_DETAIL_RESPONSE_EXAMPLE.data[0]!;
