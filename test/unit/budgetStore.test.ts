import { describe, expect, it } from 'vitest';
import { parseCostSettings } from '../../src/config/cost';
import { parseStructuralLimits } from '../../src/config/structuralLimits';
import { MemoryBudgetStore } from '../../src/cost/budgetStore';
import { clientBudgetOf } from '../../src/cost/clientBudget';

const policy = { limit: 10, restorePerSecond: 2 };

describe('MemoryBudgetStore', () => {
  it('grants a reservation the bucket holds and refuses one it does not, taking nothing, with the wait for it', async () => {
    let now = 0;
    const store = new MemoryBudgetStore(() => now);
    expect(await store.reserve('a', 8, policy)).toEqual({ granted: true, remaining: 2, retryAfterMs: 0 });
    expect(await store.reserve('a', 5, policy)).toEqual({ granted: false, remaining: 2, retryAfterMs: 1500 });
    now = 1500;
    expect(await store.reserve('a', 5, policy)).toEqual({ granted: true, remaining: 0, retryAfterMs: 0 });
  });

  it('keeps each key apart', async () => {
    const store = new MemoryBudgetStore(() => 0);
    await store.reserve('a', 10, policy);
    expect(await store.reserve('b', 10, policy)).toMatchObject({ granted: true });
    expect(await store.reserve('a', 1, policy)).toMatchObject({ granted: false });
  });

  it('settles: gives back what was not spent (never above the limit) and charges what was spent beyond the estimate', async () => {
    let now = 0;
    const store = new MemoryBudgetStore(() => now);
    await store.reserve('a', 6, policy);
    expect(await store.settle('a', 4, policy)).toBe(8);
    expect(await store.settle('a', 100, policy)).toBe(10);
    await store.reserve('a', 10, policy);
    expect(await store.settle('a', -3, policy)).toBe(-3);
    now = 1000;
    expect(await store.reserve('a', 0, policy)).toEqual({ granted: false, remaining: -1, retryAfterMs: 500 });
  });
});

describe('clientBudgetOf', () => {
  const anonymous = { limit: 100, restorePerSecond: 1 };
  const client = { clientId: 'k1', tenantId: 't1', scopes: new Set<string>() };

  it('gives an authenticated client its own budget, keyed by tenant and client, and none without one', () => {
    expect(clientBudgetOf({ client: { ...client, budget: policy } }, anonymous)).toEqual({ key: 'client\u0000t1\u0000k1', policy });
    expect(clientBudgetOf({ client }, anonymous)).toBeNull();
  });

  it('gives anonymous requests the share of their address in of the anonymous budget, and none unless configured', () => {
    expect(clientBudgetOf({ client: null, clientAddress: '127.0.0.2' }, anonymous)).toEqual({
      key: 'anonymous\u0000127.0.0.2',
      policy: anonymous,
    });
    expect(clientBudgetOf({ client: null, clientAddress: '127.0.0.2' }, null)).toBeNull();
  });
});

describe('cost and limit settings', () => {
  it('defaults: 60 calls per operation, no anonymous budget, limits that pass the tests and the bench', () => {
    expect(parseCostSettings({})).toEqual({ maxCallsPerOperation: 60, anonymousBudget: null });
    expect(parseStructuralLimits({})).toEqual({ depth: 15, aliases: 30, rootFields: 30, tokens: 5000, directives: 20 });
  });

  it('reads the anonymous budget, restoring a full bucket per minute unless told otherwise', () => {
    expect(parseCostSettings({ COST_ANONYMOUS_BUDGET: '600' }).anonymousBudget).toEqual({ limit: 600, restorePerSecond: 10 });
    expect(parseCostSettings({ COST_ANONYMOUS_BUDGET: '600', COST_ANONYMOUS_RESTORE_PER_SECOND: '0.5' }).anonymousBudget).toEqual({
      limit: 600,
      restorePerSecond: 0.5,
    });
  });

  it('refuses values that are not positive whole numbers, naming the variable', () => {
    expect(() => parseCostSettings({ COST_MAX_CALLS: '0' })).toThrow(/COST_MAX_CALLS/);
    expect(() => parseCostSettings({ COST_MAX_CALLS: '5.5' })).toThrow(/COST_MAX_CALLS/);
    expect(() => parseCostSettings({ COST_ANONYMOUS_RESTORE_PER_SECOND: '1' })).toThrow(/COST_ANONYMOUS_BUDGET/);
    expect(() => parseStructuralLimits({ GRAPHQL_MAX_DEPTH: 'deep' })).toThrow(/GRAPHQL_MAX_DEPTH/);
  });
});
