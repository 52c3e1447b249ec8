/** A pino destination that keeps every line, parsed, for tests to read. */
import type { DestinationStream } from 'pino';

export interface LogCapture {
  destination: DestinationStream;
  /** Every line written so far, parsed. */
  lines: Array<Record<string, any>>;
  /** Every line written so far, as written. */
  raw: string[];
}

export function captureLogs(): LogCapture {
  const raw: string[] = [];
  const lines: Array<Record<string, any>> = [];
  return {
    raw,
    lines,
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, any>);
      },
    },
  };
}
