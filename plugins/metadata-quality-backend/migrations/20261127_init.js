// @ts-check

/**
 * Current scores with per-rule results, the group tree they roll up into, and daily history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('quality_entity_scores', table => {
    table.comment('Latest score and rule results of each catalog entity');
    table.string('entity_ref').primary();
    table.string('kind').notNullable();
    table.string('namespace').notNullable();
    table.string('name').notNullable();
    table.string('title');
    table.string('type');
    table.string('lifecycle');
    table.string('owner_ref');
    table.float('score').notNullable();
    table.string('level');
    table.float('passed_weight').notNullable();
    table.float('total_weight').notNullable();
    table.specificType('failing_rules', 'text[]').notNullable();
    table.jsonb('results').notNullable();
    table.string('etag');
    table
      .timestamp('changed_at', { useTz: true })
      .notNullable()
      .comment('When the plugin first saw the current etag');
    table.timestamp('evaluated_at', { useTz: true }).notNullable();
    // Covers the per-owner roll-up of the group summary (an index-only scan).
    table.index(['owner_ref', 'level', 'score']);
    table.index(['score']);
    table.index(['kind']);
  });
  await knex.raw(
    'CREATE INDEX quality_entity_scores_failing_rules_idx ON quality_entity_scores USING GIN (failing_rules)',
  );

  await knex.schema.createTable('quality_groups', table => {
    table.comment(
      'Catalog groups, their parents, and the roll-up of the scores they and their child groups own',
    );
    table.string('group_ref').primary();
    table.string('parent_ref');
    table.string('title');
    table.integer('entity_count').notNullable().defaultTo(0);
    table.float('average_score');
    table.jsonb('levels').notNullable().defaultTo('{}');
    table.index(['parent_ref']);
  });

  await knex.schema.createTable('quality_entity_history', table => {
    table.comment('One score per entity per day');
    table.string('entity_ref').notNullable();
    table.date('day').notNullable();
    table.float('score').notNullable();
    table.primary(['entity_ref', 'day']);
    table.index(['day']);
  });

  await knex.schema.createTable('quality_group_history', table => {
    table.comment('Average score per group (with child groups) per day');
    table.string('group_ref').notNullable();
    table.date('day').notNullable();
    table.float('score').notNullable();
    table.integer('entity_count').notNullable();
    table.primary(['group_ref', 'day']);
    table.index(['day']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('quality_group_history');
  await knex.schema.dropTable('quality_entity_history');
  await knex.schema.dropTable('quality_groups');
  await knex.schema.dropTable('quality_entity_scores');
};
