// @ts-check

/**
 * The overall summary of the Quality page (entity count, average, levels, score buckets, failures
 * per rule), kept when the group roll-ups are refreshed instead of counted for every reader: at
 * 100,000 scores its three passes took 350-570 ms, and the page waits for it before showing
 * anything. One row.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('quality_overall_summary', table => {
    table.comment(
      'The overall summary as of the last roll-up refresh (one row)',
    );
    table.integer('id').primary().comment('Always 1');
    table
      .jsonb('summary')
      .notNullable()
      .comment('The QualitySummary served by GET /summary');
    table
      .timestamp('refreshed_at', { useTz: true })
      .notNullable()
      .comment('When it was computed');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('quality_overall_summary');
};
