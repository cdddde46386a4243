// @ts-check

/**
 * Exemptions of one entity from one rule: the owners' request, the admins' decision and the expiry,
 * every row kept as the audit trail.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('quality_exemptions', table => {
    table.comment('Exemption requests, their decisions and expiries (kept)');
    table.bigIncrements('id').primary();
    table.string('entity_ref').notNullable();
    table.string('rule_id').notNullable();
    table.text('reason').notNullable();
    table.timestamp('until', { useTz: true }).notNullable();
    table
      .string('status')
      .notNullable()
      .comment('requested, approved, denied or expired');
    table.string('requested_by').notNullable();
    table.timestamp('requested_at', { useTz: true }).notNullable();
    table.string('decided_by');
    table.timestamp('decided_at', { useTz: true });
    table.text('comment').comment("The admin's comment on the decision");
    table
      .timestamp('expired_at', { useTz: true })
      .comment(
        'When the plugin saw an approved exemption end and told the owners',
      );
    table.index(['entity_ref']);
    table.index(['status']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('quality_exemptions');
};
