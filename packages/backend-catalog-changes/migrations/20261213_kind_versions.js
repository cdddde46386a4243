// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('catalog_change_kinds', table => {
    table.comment(
      'Per entity kind, the sequence number of the last change of one of its entities (created, changed or deleted): consumers that keep entities of a kind in memory (the org) read it to know whether to read them again',
    );
    table.string('kind').primary().comment('Lower-case kind');
    table.bigInteger('change_seq').notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('catalog_change_kinds');
};
