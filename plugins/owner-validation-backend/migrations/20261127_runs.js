// @ts-check

/**
 * Check runs are recorded when they start, not only when they complete: which replica ran them and
 * how they ended. At most one run is `running` at a time across replicas; a run whose replica
 * stopped sending heartbeats is marked `abandoned` by the next run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('owner_validation_runs', table => {
    table.comment('One row per check run');
    table.text('instance').comment('host:pid of the replica');
    table.text('trigger').comment('schedule or manual');
    table
      .text('status')
      .notNullable()
      .defaultTo('succeeded')
      .comment('running, succeeded, failed or abandoned');
    table.timestamp('heartbeat_at', { useTz: true });
    table.text('error');
    table.timestamp('finished_at', { useTz: true }).nullable().alter();
    table.integer('entity_count').nullable().alter();
    table.integer('finding_count').nullable().alter();
  });
  await knex.raw(
    `CREATE UNIQUE INDEX owner_validation_runs_running_idx ON owner_validation_runs (status) WHERE status = 'running'`,
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('DROP INDEX owner_validation_runs_running_idx');
  await knex('owner_validation_runs').whereNot('status', 'succeeded').delete();
  await knex.schema.alterTable('owner_validation_runs', table => {
    table.comment('One row per completed check run');
    table.dropColumn('instance');
    table.dropColumn('trigger');
    table.dropColumn('status');
    table.dropColumn('heartbeat_at');
    table.dropColumn('error');
    table.timestamp('finished_at', { useTz: true }).notNullable().alter();
    table.integer('entity_count').notNullable().alter();
    table.integer('finding_count').notNullable().alter();
  });
};
