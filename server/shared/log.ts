// One logger for the server: JSON lines (pino) that a log shipper can read, or short readable lines
// for a person at a terminal (`LOG_FORMAT=pretty`). Nothing here knows HTTP; masking of secrets in
// request paths is done where paths are logged (server/http/mask-secrets.ts).
import { pino } from 'pino';

export type Log = pino.Logger;
export type LogFormat = 'json' | 'pretty';

interface Destination {
  write(line: string): void;
}

const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const hidden = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err']);

/** `09:41:07 info  Passerelle ready … reqId=… status=200`: the same fields as the JSON line, on one line. */
export function prettyLine(json: string): string {
  const entry = JSON.parse(json) as Record<string, unknown>;
  const time = new Date(entry.time as number).toISOString().slice(11, 19);
  const level = (levelNames[entry.level as number] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !hidden.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const err = entry.err as { stack?: string } | undefined;
  return `${time} ${level} ${entry.msg ?? ''}${fields.length ? ` ${fields.join(' ')}` : ''}${err?.stack ? `\n${err.stack}` : ''}\n`;
}

export function createLog(options: { format?: LogFormat; level?: string; destination?: Destination } = {}): Log {
  const out = options.destination ?? { write: (line: string) => process.stdout.write(line) };
  const destination = options.format === 'pretty' ? { write: (line: string) => out.write(prettyLine(line)) } : out;
  return pino({ level: options.level ?? 'info', base: undefined }, destination);
}

/** For tests and tools that have nothing to say. */
export const silentLog: Log = pino({ level: 'silent' });
