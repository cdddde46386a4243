// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.raw('CREATE SEQUENCE catalog_change_seq');
  await knex.schema.createTable('catalog_change_consumers', table => {
    table.comment(
      'The plugins that consume catalog changes; each change is queued once per consumer',
    );
    table.string('consumer').primary();
    table
      .timestamp('registered_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('catalog_change_queue', table => {
    table.comment(
      'Changed entity refs not yet handled, one row per consumer and entity',
    );
    table.bigIncrements('id');
    table.string('consumer').notNullable();
    table.string('entity_ref').notNullable().comment('Lower-case entity ref');
    table
      .string('reason')
      .notNullable()
      .comment('created, changed, related or deleted; informational');
    table
      .string('content_hash')
      .nullable()
      .comment('Hash of the content that was processed, when known');
    table
      .bigInteger('change_seq')
      .notNullable()
      .comment(
        'Renewed by every enqueue, so a change arriving while a claim runs is not completed with it',
      );
    table
      .timestamp('enqueued_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table
      .timestamp('available_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.string('claimed_by').nullable();
    table
      .timestamp('claimed_until', { useTz: true })
      .nullable()
      .comment('Lease end; past it the row is claimed again');
    table.integer('attempts').notNullable().defaultTo(0);
    table.unique(['consumer', 'entity_ref']);
    table.index(['consumer', 'available_at'], 'catalog_change_queue_available');
  });
  await knex.schema.createTable('catalog_change_entities', table => {
    table.comment(
      'Entity refs the change processor has seen, to notice deletions by count',
    );
    table.string('entity_ref').primary();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('catalog_change_entities');
  await knex.schema.dropTable('catalog_change_queue');
  await knex.schema.dropTable('catalog_change_consumers');
  await knex.raw('DROP SEQUENCE catalog_change_seq');
};
