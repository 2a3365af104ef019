/** Process entry for the `bulletin` bin: runs the CLI and sets the exit status. */
import { main } from './cli.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bulletin: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
