/** Stops the command with one line saying what is wrong and how to fix it. */
export function fail(message) {
  console.error(`portal: ${message}`);
  process.exit(1);
}
