/** Product stock derived from SKU stock (Xiaoe, WeChat): field by field, never a guessed number. */
import type { Stock } from '../generated/graphql';
import { FieldIssues, fieldIssueOf } from './fieldIssues';

const FIELDS = ['available', 'sold', 'total'] as const;

/**
 * The sum of `stocks`, field by field. A field unknown in any of them is unknown in the sum; where it
 * was unknown because its value could not be read, the sum's field carries that issue too.
 */
export function sumStocks(stocks: readonly Stock[]): Stock {
  const issues = new FieldIssues();
  const sum: Stock = { available: 0, sold: 0, total: 0 };
  for (const field of FIELDS) {
    let total: number | null = 0;
    for (const stock of stocks) {
      const n = stock[field];
      if (n == null) {
        const issue = fieldIssueOf(stock, field);
        total = issue ? issues.derived(field, `unknown, since a SKU's ${issue.message}`) : null;
        break;
      }
      total += n;
    }
    sum[field] =
      total !== null && Number.isSafeInteger(total) ? total : total === null ? null : issues.reject(field, total, 'is beyond SafeInt');
  }
  return issues.attach(sum);
}
