/**
 * Lighthouse's actions for the MCP actions plugin: who-owns, ownership-problems, quality-of and
 * search-docs.
 *
 * @packageDocumentation
 */
export { mcpActionsModuleLighthouse as default } from './module';
