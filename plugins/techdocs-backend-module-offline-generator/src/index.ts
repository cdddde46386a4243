/**
 * TechDocs builds that need no internet and leave the source alone.
 *
 * @packageDocumentation
 */
export { techdocsModuleOfflineGenerator as default } from './module';
export { OfflineMkdocsGenerator } from './OfflineMkdocsGenerator';
export { copyDocsSource } from './copyDocsSource';
export { disableThemeFonts } from './disableThemeFonts';
