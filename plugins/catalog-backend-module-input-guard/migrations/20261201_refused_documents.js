// @ts-check

/**
 * Documents the input guard refused out of a file whose other documents the catalog took: the
 * catalog keeps no record of them, so the guard does. One file's rows are replaced on every read.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('input_guard_refused_documents', table => {
    table.comment(
      'Documents of catalog files refused by the input guard; replaced per file on every read',
    );
    table.bigIncrements('id').primary();
    table
      .text('location_type')
      .notNullable()
      .comment('Type of the file location, e.g. url or file');
    table
      .text('location_target')
      .notNullable()
      .comment('The file, e.g. https://git.example/org.yaml');
    table
      .integer('document')
      .notNullable()
      .comment('1-based position of the document in the file');
    table
      .text('entity_ref')
      .comment('Lower-case ref of the refused entity, when it could be read');
    table.text('message').notNullable();
    table.timestamp('seen_at', { useTz: true }).notNullable();
    table.index(['location_target'], 'input_guard_refused_target_idx');
    table.index(['entity_ref'], 'input_guard_refused_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('input_guard_refused_documents');
};
