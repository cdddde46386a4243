// @ts-check

/**
 * One row per full evaluation: which replica ran it, when, how it ended. At most one run is
 * `running` at a time across replicas; a run whose replica stopped sending heartbeats is marked
 * `abandoned` by the next run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('quality_evaluation_runs', table => {
    table.comment('Full evaluation runs, one row each');
    table.bigIncrements('id').primary();
    table.text('instance').notNullable().comment('host:pid of the replica');
    table.text('trigger').notNullable().comment('schedule or manual');
    table
      .text('status')
      .notNullable()
      .comment('running, succeeded, failed or abandoned');
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('heartbeat_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table.integer('entity_count').comment('Entities scored');
    table
      .integer('removed_count')
      .comment('Scores of deleted entities removed');
    table.text('error');
    table.index(['started_at']);
  });
  await knex.raw(
    `CREATE UNIQUE INDEX quality_evaluation_runs_running_idx ON quality_evaluation_runs (status) WHERE status = 'running'`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('quality_evaluation_runs');
};
