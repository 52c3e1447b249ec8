/**
 * Prices every operation in upstream calls before it runs, and reports what it cost:
 * - an estimate above the per-operation maximum (or above the client's whole budget, which it could
 *   never fit) is refused with COST_LIMIT_EXCEEDED, HTTP 400 (the document itself is the problem;
 *   sending it again cannot help), before any upstream call;
 * - a client with a budget reserves the estimate from its bucket first; when the bucket does not hold
 *   it, RATE_LIMITED, HTTP 429 with `Retry-After` and `retryAfterMs` (the same request will pass later);
 * - afterwards the unused part of the reservation goes back (`RequestUsage` counts what the request
 *   really sent: cached and coalesced answers cost nothing, retries and token calls count);
 * - every answer carries `extensions.cost: {estimatedCalls, actualCalls, cacheHits, budget}`.
 */
import type { ApolloServerPlugin, GraphQLRequestContext, GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { CostSettings } from '../config/cost';
import type { GatewayContext } from '../server/context';
import { GatewayError } from '../platforms/gatewayError';
import { MemoryBudgetStore, type BudgetStore } from './budgetStore';
import { clientBudgetOf, type ClientBudget } from './clientBudget';
import { estimateCost } from './estimateCost';

export interface CostPluginOptions extends CostSettings {
  /** Where client budgets are kept. Default: in this process's memory (one replica). */
  store?: BudgetStore;
}

/** `extensions.cost` of an answer. */
export interface CostReport {
  estimatedCalls: number;
  actualCalls: number;
  cacheHits: number;
  /** The client's budget after this operation; null when the client has none. */
  budget: { limit: number; remaining: number; restorePerSecond: number } | null;
}

export function costPlugin(options: CostPluginOptions): ApolloServerPlugin<GatewayContext> {
  const store = options.store ?? new MemoryBudgetStore();
  return {
    async requestDidStart() {
      let estimatedCalls = 0;
      let reserved: ClientBudget | null = null;
      /** The HTTP status (and Retry-After) of a refusal, set on the answer in willSendResponse. */
      let refused: { status: number; retryAfterSeconds?: number } | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          estimatedCalls = estimateCost(schema, document, operation, request.variables, contextValue).calls;
          const budget = clientBudgetOf(contextValue, options.anonymousBudget);
          const limit = Math.min(options.maxCallsPerOperation, budget?.policy.limit ?? Infinity);
          if (estimatedCalls > limit) {
            refused = { status: 400 };
            throw refusal(
              new GatewayError('COST_LIMIT_EXCEEDED', `This operation may cost ${estimatedCalls} upstream calls; the limit is ${limit}.`, {
                estimatedCalls,
                limit,
              }),
            );
          }
          if (!budget) return;
          const reservation = await store.reserve(budget.key, estimatedCalls, budget.policy);
          if (!reservation.granted) {
            const { retryAfterMs } = reservation;
            const error = new GatewayError(
              'RATE_LIMITED',
              `Your budget of upstream calls does not hold this operation's ${estimatedCalls} now; retry in ${retryAfterMs} ms.`,
              { retryAfterMs },
            );
            refused = { status: 429, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
            throw refusal(error);
          }
          reserved = budget;
        },
        async willSendResponse({ response, contextValue }) {
          const actualCalls = contextValue.usage?.totalUpstreamCalls ?? 0;
          const report: CostReport = { estimatedCalls, actualCalls, cacheHits: contextValue.usage?.cacheHits ?? 0, budget: null };
          const budget = reserved ?? clientBudgetOf(contextValue, options.anonymousBudget);
          if (budget) {
            // Settling 0 on a request that reserved nothing just reads the bucket.
            const remaining = await store.settle(budget.key, reserved ? estimatedCalls - actualCalls : 0, budget.policy);
            report.budget = {
              limit: budget.policy.limit,
              remaining: Math.floor(remaining),
              restorePerSecond: budget.policy.restorePerSecond,
            };
          }
          attach(response, report);
          if (refused) {
            response.http.status = refused.status;
            if (refused.retryAfterSeconds !== undefined) response.http.headers.set('retry-after', String(refused.retryAfterSeconds));
          }
        },
      };
    },
  };
}

/**
 * `extensions.cost` of an answer served whole from the answer cache (0 upstream calls), after the same
 * checks the plugin makes: the per-operation maximum, and a budget's reservation of the estimate (given
 * back at once, as for any request that sent nothing). Undefined when the plugin would refuse it: the
 * caller then runs the request normally, so that the refusal is the plugin's own.
 */
export async function costOfCachedAnswer(
  options: CostSettings & { store: BudgetStore },
  ctx: Pick<GatewayContext, 'client' | 'clientAddress'>,
  estimatedCalls: number,
  cacheHits: number,
): Promise<CostReport | undefined> {
  const budget = clientBudgetOf(ctx, options.anonymousBudget);
  if (estimatedCalls > Math.min(options.maxCallsPerOperation, budget?.policy.limit ?? Infinity)) return undefined;
  const report: CostReport = { estimatedCalls, actualCalls: 0, cacheHits, budget: null };
  if (!budget) return report;
  if (!(await options.store.reserve(budget.key, estimatedCalls, budget.policy)).granted) return undefined;
  const remaining = await options.store.settle(budget.key, estimatedCalls, budget.policy);
  report.budget = { limit: budget.policy.limit, remaining: Math.floor(remaining), restorePerSecond: budget.policy.restorePerSecond };
  return report;
}

/** A refusal before execution, carrying the GatewayError that formatError shows. */
function refusal(error: GatewayError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { code: error.code } });
}

function attach(response: GraphQLRequestContext<GatewayContext>['response'], cost: CostReport): void {
  const body = response.body as GraphQLResponse['body'];
  const result = body.kind === 'single' ? body.singleResult : body.initialResult;
  result.extensions = { ...result.extensions, cost };
}
