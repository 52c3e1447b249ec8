/**
 * Per-record random streams, so a record can be built on demand (the catalog keeps only what its indexes
 * need) and still come out the same bytes every time. Record `seq` owns the window
 * [seq * STRIDE, (seq + 1) * STRIDE) of the catalog seed's mulberry32 sequence: its head (the indexed
 * fields) draws from the window's start, its body from HEAD_BUDGET on. mulberry32's state advances by a
 * fixed increment per draw, so `new Rng(seed + k * INCREMENT)` is that sequence k draws on: windows never
 * overlap, exactly as if one generator had run through the whole catalog.
 */
import { Rng } from '../../data/random';

const MULBERRY32_INCREMENT = 0x6d2b79f5;
const HEAD_BUDGET = 128;
const STRIDE = 1024;

/** An Rng that refuses to draw past its window (a generator change that needs more fails loudly). */
class WindowRng extends Rng {
  private left: number;
  constructor(seed: number, position: number, budget: number) {
    super((seed + Math.imul(position, MULBERRY32_INCREMENT)) >>> 0);
    this.left = budget;
  }
  override next(): number {
    if (--this.left < 0) throw new RangeError('record generator drew past its random window');
    return super.next();
  }
}

/** Stream for the record's indexed fields (type, id, name, status, created_at, flags). */
export function headRng(seed: number, seq: number): Rng {
  return new WindowRng(seed, seq * STRIDE, HEAD_BUDGET);
}

/** Stream for everything else in the record. */
export function bodyRng(seed: number, seq: number): Rng {
  return new WindowRng(seed, seq * STRIDE + HEAD_BUDGET, STRIDE - HEAD_BUDGET);
}

/** Records a catalog can hold before windows would wrap around the 2^32 sequence. */
export const MAX_RECORDS = Math.floor(2 ** 32 / STRIDE);
