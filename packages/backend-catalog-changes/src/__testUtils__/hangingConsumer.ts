import knexFactory from 'knex';
import { LoggerService } from '@backstage/backend-plugin-api';
import { CatalogChangeConsumer } from '../CatalogChangeConsumer';
import { DatabaseCatalogChanges } from '../DatabaseCatalogChanges';

// A consumer in a process of its own that claims one batch and never finishes it: the test
// SIGKILLs it mid-batch. Connection (knex config) as JSON in CATALOG_CHANGES_TEST_DB.
const logger: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => logger,
};

async function main() {
  const knex = knexFactory(JSON.parse(process.env.CATALOG_CHANGES_TEST_DB!));
  const consumer = new CatalogChangeConsumer({
    changes: new DatabaseCatalogChanges(knex),
    consumer: 'test',
    claimant: `hanging-${process.pid}`,
    logger,
    batchSize: 5,
    leaseMs: 2000,
    handle: async batch => {
      process.stdout.write(`${JSON.stringify(batch.map(c => c.entityRef))}\n`);
      await new Promise(() => {});
    },
  });
  await consumer.drain();
}

main().catch(error => {
  process.stderr.write(String(error));
  process.exit(1);
});
