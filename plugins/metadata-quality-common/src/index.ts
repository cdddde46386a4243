/**
 * Rules, checks, scoring and the permission of the metadata quality plugin.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './entityPath';
export * from './checks';
export * from './advice';
export * from './scoring';
export * from './defaultRules';
export * from './validation';
export * from './permissions';
