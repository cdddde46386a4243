// @ts-check

/**
 * A hash of what each score row says, so that a full evaluation writes only the rows whose content
 * changed: at 100,000 entities rewriting every row was most of a run's time. Rows written before
 * this have none and are written once more.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('quality_entity_scores', table => {
    table
      .text('content_hash')
      .comment(
        'Hash of the row as the evaluator computed it (every column but evaluated_at); null for rows written before it was kept',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('quality_entity_scores', table => {
    table.dropColumn('content_hash');
  });
};
