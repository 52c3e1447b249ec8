/**
 * TOP property-name strings: `pid1:vid1:pid_name1:vid_name1;pid2:vid2:...` (Item `props_name`, Sku
 * `properties_name`). Per the API page, a `:` or `;` inside a name is sent as `#cln#` / `#scln#`.
 */
export interface TopPropertyName {
  pid: string;
  vid: string;
  name: string;
  value: string;
}

export function parseTopPropsName(text: string | undefined): TopPropertyName[] {
  if (!text) return [];
  const out: TopPropertyName[] = [];
  for (const part of text.split(';')) {
    const [pid, vid, name, ...rest] = part.split(':');
    if (pid === undefined || vid === undefined || name === undefined || rest.length === 0) continue;
    out.push({ pid, vid, name: unescape(name), value: unescape(rest.join(':')) });
  }
  return out;
}

function unescape(text: string): string {
  return text.replaceAll('#cln#', ':').replaceAll('#scln#', ';');
}
