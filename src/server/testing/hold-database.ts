/**
 * A process that opens an embedded database and keeps it open until it is signalled, for tests
 * of what a second process meets: `node --import tsx src/server/testing/hold-database.ts DIR`.
 * Prints "open" once the database is open; closes it on SIGTERM.
 */
import { createDb } from '../db/client.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: hold-database.ts DIR');
const handle = await createDb({ dataDir: dir });
process.stdout.write('open\n');
process.once('SIGTERM', () => {
  void handle.close().then(() => process.exit(0));
});
setInterval(() => {}, 60_000);
