import { describe, expect, it } from 'vitest';
import { formatXiaoeId, parseXiaoeId, validateXiaoeId } from '../../src/platforms/xiaoe/ids';

describe('Xiaoe ids', () => {
  it('parses "<resource_type>:<resource_id>"', () => {
    expect(parseXiaoeId('2:a_619fba7ae4b03f3fb99c7809')).toEqual({ resourceType: 2, resourceId: 'a_619fba7ae4b03f3fb99c7809' });
    expect(parseXiaoeId('21:g_665f2719e0bcd_mrMARvTL54')).toEqual({ resourceType: 21, resourceId: 'g_665f2719e0bcd_mrMARvTL54' });
  });

  it('formats back to the same text', () => {
    expect(formatXiaoeId(2, 'a_619fba7ae4b03f3fb99c7809')).toBe('2:a_619fba7ae4b03f3fb99c7809');
  });

  it.each(['2:a_1', '71:x', '5:p_62692d0ee4b09dda126125b5'])('accepts %s', (id) => {
    expect(validateXiaoeId(id)).toBeUndefined();
  });

  it.each([
    ['no type', 'a_619fba7ae4b03f3fb99c7809'],
    ['an empty resource id', '2:'],
    ['an empty type', ':a_1'],
    ['a type with a leading zero', '02:a_1'],
    ['a negative type', '-2:a_1'],
    ['a type that is not a number', 'audio:a_1'],
    ['whitespace in the resource id', '2:a 1'],
    ['surrounding whitespace', ' 2:a_1'],
  ])('rejects %s', (_label, id) => {
    expect(validateXiaoeId(id)).toMatch(/<resource_type>:<resource_id>/);
    expect(parseXiaoeId(id)).toBeUndefined();
  });

  it('rejects a resource type the detail page does not document, naming it', () => {
    expect(validateXiaoeId('10:a_1')).toMatch(/10 is not/);
    expect(validateXiaoeId('999:a_1')).toMatch(/999 is not/);
  });
});
