/**
 * The process's logger: pino, one JSON object per line (or pino-pretty's readable lines on a
 * terminal), every object passed through redactSecrets before it is written.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { ObservabilityConfig } from '../config/observability';
import { redactSecrets } from './redactSecrets';

export type { Logger };

export interface LoggerOptions {
  level: ObservabilityConfig['logLevel'];
  format: ObservabilityConfig['logFormat'];
  /** Where lines go; default stdout. Tests pass a stream that collects them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const usePretty =
    options.format === 'pretty' || (options.format === 'auto' && options.destination === undefined && process.stdout.isTTY === true);
  const destination =
    options.destination ?? (usePretty ? pretty({ sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l' }) : pino.destination(1));
  return pino(
    {
      level: options.level,
      base: { service: 'catalog-gateway' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactSecrets(object) as Record<string, unknown>,
      },
      // pino serializes after `formatters.log`: `err` is already a redacted plain object by then.
      serializers: { err: (err: unknown) => err },
    },
    destination,
  );
}
