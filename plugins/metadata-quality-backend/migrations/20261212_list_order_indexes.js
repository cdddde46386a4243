// @ts-check

/**
 * The entity list (`GET /entities`, the worst entities on /quality) pages in one of three orders,
 * each with the entity ref as tie-breaker: an index per order lets a page read just its rows instead
 * of sorting every score (the `score` index alone could not serve the tie-breaker).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('quality_entity_scores', table => {
    table.dropIndex(['score']);
    table.index(['score', 'entity_ref']);
    table.index(['name', 'entity_ref']);
    table.index(['evaluated_at', 'entity_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('quality_entity_scores', table => {
    table.dropIndex(['evaluated_at', 'entity_ref']);
    table.dropIndex(['name', 'entity_ref']);
    table.dropIndex(['score', 'entity_ref']);
    table.index(['score']);
  });
};
