// @ts-check

/**
 * Owners' confirmations that an entity's metadata is still right (the latest per entity), and the
 * notifications sent about them, so each is sent once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('quality_confirmations', table => {
    table.comment('The latest confirmation of each entity by its owners');
    table.string('entity_ref').primary();
    table
      .string('owner_ref')
      .notNullable()
      .comment(
        'The owner confirmed for: after a change of owner it no longer counts',
      );
    table
      .string('confirmed_by')
      .notNullable()
      .comment('The user who confirmed');
    table.timestamp('confirmed_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('quality_notices', table => {
    table.comment(
      'Notifications sent to owners, one row each, so each is sent once',
    );
    table.string('entity_ref').notNullable();
    table
      .string('notice')
      .notNullable()
      .comment('confirmation-lapsing, confirmation-lapsed, ...');
    table
      .string('subject')
      .notNullable()
      .comment('What it is about: the confirmation time, an exemption id');
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['entity_ref', 'notice', 'subject']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('quality_notices');
  await knex.schema.dropTable('quality_confirmations');
};
