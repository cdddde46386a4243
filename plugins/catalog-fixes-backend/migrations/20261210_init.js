// @ts-check

/**
 * Change requests of catalog-info.yaml files: one per repository and branch, with the entities it
 * changes (one row each, with the file and the blob hash it was proposed on).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('change_requests', table => {
    table.comment(
      'Proposed changes of catalog-info.yaml files, open or decided (kept)',
    );
    table.bigIncrements('id').primary();
    table
      .string('provider')
      .notNullable()
      .comment('local-git, github or gitlab');
    table.string('repository').notNullable();
    table.string('branch').notNullable();
    table
      .string('base_commit')
      .notNullable()
      .comment("The default branch's commit it was proposed on");
    table.string('head_commit').comment('The commit of the change');
    table.text('title').notNullable();
    table.text('diff').notNullable();
    table.string('author').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('status').notNullable().comment('open, merged or rejected');
    table.text('reason').comment('Why it was rejected');
    table.string('decided_by');
    table.timestamp('decided_at', { useTz: true });
    table.text('url').comment('The pull or merge request on GitHub or GitLab');
    table.index(['status']);
  });
  await knex.schema.createTable('change_request_entities', table => {
    table.comment('The entities a change request changes');
    table
      .bigInteger('change_request_id')
      .notNullable()
      .references('id')
      .inTable('change_requests')
      .onDelete('CASCADE');
    table.string('entity_ref').notNullable();
    table
      .text('path')
      .notNullable()
      .comment('The file, relative to the repository');
    table
      .string('base_hash')
      .notNullable()
      .comment('Git blob hash of the file the change was made on');
    table
      .jsonb('fix')
      .notNullable()
      .comment('{ type: owner } or { type: rule, ruleId }');
    table.primary(['change_request_id', 'entity_ref']);
    table.index(['entity_ref']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('change_request_entities');
  await knex.schema.dropTable('change_requests');
};
