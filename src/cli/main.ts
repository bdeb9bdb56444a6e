/** Entry point of the `amity` command line (bin/amity.mjs runs its compiled form). */
import { runProgram } from './program.js';

const exitCode = await runProgram(process.argv.slice(2));
if (exitCode !== undefined) process.exit(exitCode);
