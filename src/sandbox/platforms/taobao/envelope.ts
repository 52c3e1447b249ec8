/**
 * TOP's JSON envelopes (docs/platforms.md, "Taobao: signing and the call envelope"): success under `<method without "taobao.",
 * dots as "_">_response`, errors as `{"error_response":{code,msg,sub_code?,sub_msg?,request_id}}`, both
 * with HTTP 200.
 */
import type { TopItem } from '../../../platforms/taobao/topItem';
import { codeText, envelopeField } from '../../envelopeFields';
import type { SandboxReply } from '../../types';

/** TOP platform error codes and their messages, as TOP spells them (TOP error code list). */
export const TOP_ERROR_MESSAGES: Readonly<Record<number, string>> = {
  7: 'App Call Limited',
  9: 'Http Action Not Allowed',
  10: 'Service Currently Unavailable',
  11: 'Insufficient ISV Permissions',
  12: 'Insufficient User Permissions',
  15: 'Remote service error',
  21: 'Missing method',
  22: 'Invalid method',
  23: 'Invalid format',
  24: 'Missing signature',
  25: 'Invalid signature',
  26: 'Missing session',
  27: 'Invalid session',
  28: 'Missing app key',
  29: 'Invalid app key',
  30: 'Missing timestamp',
  31: 'Invalid timestamp',
  32: 'Missing version',
  33: 'Invalid version',
  34: 'Unsupported version',
  40: 'Missing required arguments',
  41: 'Invalid arguments',
  50: 'Remote service error',
};

export interface TopErrorDetail {
  /** Replaces the standard message (TOP appends the parameter: `Invalid arguments:num_iids`). */
  msg?: string | undefined;
  subCode?: string | undefined;
  subMsg?: string | undefined;
}

export function topErrorReply(code: number, detail: TopErrorDetail = {}): SandboxReply {
  const error: Record<string, unknown> = { code, msg: detail.msg ?? TOP_ERROR_MESSAGES[code] ?? 'Remote service error' };
  if (detail.subCode !== undefined) error.sub_code = detail.subCode;
  if (detail.subMsg !== undefined) error.sub_msg = detail.subMsg;
  error.request_id = newRequestId();
  return { body: { error_response: error } };
}

/** The rate-limit answer TOP gives (protocols table, code 7). */
export function rateLimitedReply(retryAfterSeconds: number): SandboxReply {
  return topErrorReply(7, {
    subCode: 'accesscontrol.limited-by-app-access-count',
    subMsg: `This ban will last for ${retryAfterSeconds} more seconds`,
  });
}

/** Items found, or no `items` key at all when none matched (TOP leaves empty lists out). */
export function itemsGetReply(items: readonly TopItem[]): SandboxReply {
  const response: Record<string, unknown> = {};
  if (items.length > 0) response.items = { item: items };
  response.request_id = newRequestId();
  return { body: { miniapp_items_get_response: response } };
}

/** Like TOP's `request_id`s (e.g. `z28arlevr4ct`): 12 base-36 characters. Not seeded: ids are not data. */
function newRequestId(): string {
  let id = '';
  while (id.length < 12) id += Math.floor(Math.random() * 36).toString(36);
  return id;
}

/** `error_response.code` (every TOP error has one; `unknown` if a reply ever lacked it). */
export function topErrorCode(body: unknown): string | undefined {
  const error = envelopeField(body, 'error_response');
  if (typeof error !== 'object' || error === null) return undefined;
  return codeText(envelopeField(error, 'code') ?? 'unknown');
}
