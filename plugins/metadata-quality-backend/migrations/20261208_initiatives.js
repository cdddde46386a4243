// @ts-check

/**
 * Initiatives: admins' campaigns with rules, targets, a start and a deadline; their daily progress
 * per owner; the notices sent to owners about them; and, on each scored entity, the initiative rules
 * it fails (written by the evaluator in the same pass as its score).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('quality_initiatives', table => {
    table.comment('Initiatives defined by the admins');
    table.bigIncrements('id').primary();
    table.string('title').notNullable();
    table.text('description');
    table
      .jsonb('rule_ids')
      .notNullable()
      .comment("Ids of the portal's rules the initiative is about");
    table
      .jsonb('rules')
      .notNullable()
      .comment('Rules defined only inside the initiative (never scored)');
    table
      .jsonb('target')
      .notNullable()
      .comment(
        'kinds, types, lifecycles, tags, owners; a missing list matches all',
      );
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('deadline', { useTz: true }).notNullable();
    table.string('created_by').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table
      .timestamp('evaluated_at', { useTz: true })
      .comment(
        'Start of the last full evaluation that checked the current definition',
      );
  });

  await knex.schema.createTable('quality_initiative_progress', table => {
    table.comment(
      'Daily progress of each initiative per owner (the last full evaluation of the day)',
    );
    table
      .bigInteger('initiative_id')
      .notNullable()
      .references('id')
      .inTable('quality_initiatives')
      .onDelete('CASCADE');
    table.date('day').notNullable();
    table
      .string('owner_ref')
      .notNullable()
      .comment("The owner; '' for entities without one");
    table.integer('targeted').notNullable();
    table.integer('passing').notNullable();
    table.primary(['initiative_id', 'day', 'owner_ref']);
  });

  await knex.schema.createTable('quality_initiative_notices', table => {
    table.comment(
      'Notifications sent to owners about an initiative, one row each, so each is sent once',
    );
    table
      .bigInteger('initiative_id')
      .notNullable()
      .references('id')
      .inTable('quality_initiatives')
      .onDelete('CASCADE');
    table
      .string('milestone')
      .notNullable()
      .comment('started, 14-days-left, 3-days-left, ended');
    table.string('owner_ref').notNullable();
    table.timestamp('sent_at', { useTz: true }).notNullable();
    table.primary(['initiative_id', 'milestone', 'owner_ref']);
  });

  await knex.schema.alterTable('quality_entity_scores', table => {
    table
      .jsonb('initiatives')
      .comment(
        'Initiative id to the ids of its rules the entity fails, for the initiatives that target it',
      );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('quality_entity_scores', table => {
    table.dropColumn('initiatives');
  });
  await knex.schema.dropTable('quality_initiative_notices');
  await knex.schema.dropTable('quality_initiative_progress');
  await knex.schema.dropTable('quality_initiatives');
};
