import { buildTaobaoCatalog } from './src/sandbox/platforms/taobao/catalog';
global.gc?.();
const h0 = process.memoryUsage().heapUsed;
const c0 = process.cpuUsage();
const c = buildTaobaoCatalog({ seed: 1, size: 30000 });
const cpu = process.cpuUsage(c0);
global.gc?.();
console.log('30k retained MB', Math.round((process.memoryUsage().heapUsed - h0) / 1e6), 'cpu ms', Math.round((cpu.user + cpu.system) / 1000), c.items.size);
