/**
 * Client budgets shared by every replica (docs/deployment.md, "What is shared, and how"): the same token bucket as
 * MemoryBudgetStore, kept in one Redis hash per client (`<prefix>:budget:<key digest>`, fields `c`
 * calls and `at` ms) and changed only by one script, so concurrent reservations on several replicas
 * never both take the last calls. The script reads Redis's own clock (TIME), so replicas' clocks never
 * disagree about refills. A full bucket is deleted (the same as none) and every other one expires
 * when it would be full again.
 *
 * Redis unavailable (an unanswered script, bounded by REDIS_TIMEOUT_MS): this replica answers from its
 * own memory store until Redis answers again, logged once each way. A client may then spend up to its
 * budget on each replica: the price of answering at all.
 */
import { createHash } from 'node:crypto';
import { defineRedisScript, type RedisConnection } from '../redis/redisConnection';
import { MemoryBudgetStore, type BudgetPolicy, type BudgetReservation, type BudgetStore } from './budgetStore';

/**
 * KEYS bucket; ARGV calls (reserve: to take; settle: to give back, negative charges more), limit,
 * restorePerSecond, 'reserve' | 'settle'. Returns {granted 1|0, calls left as text}.
 */
const BUCKET = defineRedisScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local calls, limit, rate = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 'c', 'at')
local c = tonumber(b[1]) or limit
local at = tonumber(b[2]) or now
c = math.min(limit, c + math.max(0, now - at) / 1000 * rate)
local granted = 1
if ARGV[4] == 'reserve' then
  if c >= calls then c = c - calls else granted = 0 end
else
  c = math.min(limit, c + calls)
end
if c >= limit then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'c', string.format('%.17g', c), 'at', now)
  redis.call('PEXPIRE', KEYS[1], math.ceil((limit - c) / rate * 1000) + 1000)
end
return {granted, string.format('%.17g', c)}
`);

export class RedisBudgetStore implements BudgetStore {
  private readonly fallback: MemoryBudgetStore;
  private local = false;

  constructor(
    private readonly redis: RedisConnection,
    private readonly log: (line: string) => void = (line) => console.warn(line),
    now: () => number = Date.now,
  ) {
    this.fallback = new MemoryBudgetStore(now);
  }

  async reserve(key: string, calls: number, policy: BudgetPolicy): Promise<BudgetReservation> {
    const reply = await this.run(key, calls, policy, 'reserve');
    if (!reply) return this.fallback.reserve(key, calls, policy);
    const [granted, remaining] = reply;
    if (granted) return { granted: true, remaining, retryAfterMs: 0 };
    return { granted: false, remaining, retryAfterMs: Math.ceil(((calls - remaining) / policy.restorePerSecond) * 1000) };
  }

  async settle(key: string, calls: number, policy: BudgetPolicy): Promise<number> {
    const reply = await this.run(key, calls, policy, 'settle');
    return reply ? reply[1] : this.fallback.settle(key, calls, policy);
  }

  private async run(key: string, calls: number, policy: BudgetPolicy, op: 'reserve' | 'settle'): Promise<[boolean, number] | undefined> {
    const digest = createHash('sha256').update(key).digest('base64url').slice(0, 22);
    const reply = await this.redis.evalScript(
      BUCKET,
      [`${this.redis.keyPrefix}:budget:${digest}`],
      [String(calls), String(policy.limit), String(policy.restorePerSecond), op],
    );
    const answered = Array.isArray(reply) && reply.length === 2 ? ([reply[0] === 1, Number(reply[1])] as [boolean, number]) : undefined;
    if ((answered === undefined) !== this.local) {
      this.local = answered === undefined;
      this.log(this.local ? 'budgets: Redis unavailable; client budgets are kept per replica' : 'budgets: shared through Redis again');
    }
    return answered;
  }
}
