import { ConfigError } from '../config.ts';

/** A refusal the operator can act on: its French message is printed alone, without a stack trace. */
export class CliError extends Error {}

/**
 * Runs a command's main function: prints what it returns, or its error — the message alone for the
 * errors meant for the operator (the command's, the configuration's, the store's), everything else in full.
 */
export function runCommand(main: () => Promise<string>): void {
  main().then(
    (message) => console.log(message),
    (error: unknown) => {
      const known =
        error instanceof CliError ||
        error instanceof ConfigError ||
        /^Store\w+Error$/.test((error as Error)?.name ?? '');
      console.error(known ? (error as Error).message : error);
      process.exit(1);
    },
  );
}
