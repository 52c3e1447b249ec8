/**
 * `npx tsx bench/asyncContext.bench.ts`: what each enabled AsyncLocalStorage adds to every promise in
 * Node 20 (its async hook runs for every promise made, and copies each store onto it). CPU ns per
 * `await` of a resolved promise with 0, 1 and 3 stores entered: a request of the gateway entered
 * three (request usage, the observability record, a prepaid quota turn) and now enters one, which
 * carries all three (src/platforms/requestUsage.ts). Run it in fresh processes: once a store is
 * enabled the hook stays on for the whole process.
 */
import { execFileSync } from 'node:child_process';
import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';

const AWAITS = 200;
const LOOPS = 2000;

async function awaits(): Promise<number> {
  let sum = 0;
  for (let i = 0; i < AWAITS; i++) sum += await Promise.resolve(i);
  return sum;
}

async function measure(stores: number): Promise<number> {
  const run = async (): Promise<number> => {
    const start = process.cpuUsage();
    for (let k = 0; k < LOOPS; k++) await awaits();
    const { user, system } = process.cpuUsage(start);
    return ((user + system) * 1000) / (LOOPS * AWAITS);
  };
  let entered: () => Promise<number> = run;
  for (let i = 0; i < stores; i++) {
    const storage = new AsyncLocalStorage<object>();
    const inner = entered;
    entered = () => storage.run({}, inner);
  }
  await entered(); // warm-up
  return entered();
}

const child = process.env.STORES;
if (child !== undefined) {
  console.log(String(await measure(Number(child))));
} else {
  for (const stores of [0, 1, 3]) {
    const ns = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, STORES: String(stores) },
    });
    console.log(`${stores} AsyncLocalStorage entered: ${Number(ns).toFixed(0)} ns CPU per await`);
  }
}
