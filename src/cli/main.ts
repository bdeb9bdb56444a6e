/** Entry point of the `amity` command line (bin/amity.mjs runs its compiled form). */
import { CommanderError } from 'commander';
import { createProgram, registerCommands } from './program.js';

const program = createProgram();
try {
  await registerCommands(program, process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  // Loaded only on failure: it brings the database's error types with it.
  const { describeError } = await import('./context.js');
  const { message, exitCode } = describeError(error);
  console.error(`amity: ${message}`);
  process.exit(exitCode);
}
