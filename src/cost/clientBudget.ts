/** Which budget a request spends: its client's, the anonymous one of its address, or none. */
import type { GatewayContext } from '../server/context';
import type { BudgetPolicy } from './budgetStore';

export interface ClientBudget {
  /** The bucket's key: never anything a client chooses freely (ids come from authentication). */
  key: string;
  policy: BudgetPolicy;
}

/**
 * An authenticated client spends its own budget (its tenant's default or its own, as authentication
 * resolved it) and none when neither sets one; an anonymous request (AUTH=none) spends its address's
 * share of the anonymous budget when one is configured, so one address cannot drain another's.
 */
export function clientBudgetOf(ctx: Pick<GatewayContext, 'client' | 'clientAddress'>, anonymous: BudgetPolicy | null): ClientBudget | null {
  if (ctx.client) {
    const { budget, tenantId, clientId } = ctx.client;
    return budget ? { key: `client\u0000${tenantId}\u0000${clientId}`, policy: budget } : null;
  }
  return anonymous ? { key: `anonymous\u0000${ctx.clientAddress ?? 'unknown'}`, policy: anonymous } : null;
}
