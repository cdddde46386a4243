/**
 * `catalog-info-lint`: checks catalog-info.yaml files before they are pushed.
 *
 * @packageDocumentation
 */
import { main } from './cli';

main(process.argv.slice(2), {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
}).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(`catalog-info-lint: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
