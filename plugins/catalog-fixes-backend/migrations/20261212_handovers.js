// @ts-check

/**
 * Handovers: one per departed person or emptied group, with every entity it owned, the team
 * suggested for each, where its file is, and (once accepted) the change request that hands it over.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('handovers', table => {
    table.comment(
      'The entities of a departed person or an emptied group, to hand over',
    );
    table.bigIncrements('id').primary();
    table
      .string('subject_ref')
      .notNullable()
      .comment('The user who left or the group that emptied');
    table.string('reason').notNullable().comment('departedUser or emptyGroup');
    table.string('status').notNullable().comment('open or completed');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('completed_at', { useTz: true });
  });
  // One open handover per subject, whichever replica syncs.
  await knex.raw(
    "CREATE UNIQUE INDEX handovers_open_subject ON handovers (subject_ref) WHERE status = 'open'",
  );
  await knex.schema.createTable('handover_entities', table => {
    table.comment('The entities of a handover');
    table
      .bigInteger('handover_id')
      .notNullable()
      .references('id')
      .inTable('handovers')
      .onDelete('CASCADE');
    table.string('entity_ref').notNullable();
    table.text('title');
    table.string('suggested_team');
    table
      .string('provider')
      .comment('local-git, github, gitlab, file or url: where its file is');
    table.string('repository');
    table.text('path');
    table
      .string('status')
      .notNullable()
      .comment(
        'pending, accepted (has a change request) or resolved (finding gone otherwise)',
      );
    table.string('team').comment('The team it was handed to');
    table.string('accepted_by');
    table.timestamp('accepted_at', { useTz: true });
    table
      .bigInteger('change_request_id')
      .references('id')
      .inTable('change_requests')
      .onDelete('SET NULL');
    table
      .timestamp('notified_at', { useTz: true })
      .comment('When its suggested team was told');
    table.primary(['handover_id', 'entity_ref']);
    table.index(['change_request_id']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('handover_entities');
  await knex.schema.dropTable('handovers');
};
