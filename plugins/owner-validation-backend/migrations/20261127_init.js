// @ts-check

/**
 * Findings with their history (first_seen, last_seen, resolved_at, notified_at), the teams each
 * user belonged to when last seen, and one row per check run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('owner_validation_findings', table => {
    table.comment(
      'Ownership problems; a row is closed by resolved_at when fixed',
    );
    table.bigIncrements('id').primary();
    table.text('entity_ref').notNullable().comment('Lower-case entity ref');
    table.text('kind').notNullable();
    table.text('namespace').notNullable();
    table.text('name').notNullable();
    table.text('title');
    table.text('finding_type').notNullable();
    table.text('severity').notNullable();
    table.text('owner').comment('spec.owner as written');
    table.text('owner_ref');
    table.text('suggested_owner');
    table.text('team').comment('Group last known to be responsible');
    table.text('message').notNullable();
    table.timestamp('first_seen', { useTz: true }).notNullable();
    table.timestamp('last_seen', { useTz: true }).notNullable();
    table.timestamp('resolved_at', { useTz: true });
    table.timestamp('notified_at', { useTz: true });
    table.index(['entity_ref'], 'owner_validation_findings_entity_idx');
    table.index(['team'], 'owner_validation_findings_team_idx');
  });
  // At most one open finding of a type per entity; resolved rows are history.
  await knex.raw(
    'CREATE UNIQUE INDEX owner_validation_findings_open_idx ON owner_validation_findings (entity_ref, finding_type) WHERE resolved_at IS NULL',
  );

  await knex.schema.createTable('owner_validation_user_teams', table => {
    table.comment(
      'Groups of each user when last seen, to suggest a team after they leave',
    );
    table.text('user_ref').primary();
    table.specificType('teams', 'text[]').notNullable();
    table.timestamp('last_seen', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('owner_validation_runs', table => {
    table.comment('One row per completed check run');
    table.bigIncrements('id').primary();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.integer('entity_count').notNullable();
    table.integer('finding_count').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('owner_validation_runs');
  await knex.schema.dropTable('owner_validation_user_teams');
  await knex.schema.dropTable('owner_validation_findings');
};
