/**
 * What every generated in-house API client runs on.
 *
 * @packageDocumentation
 */
export {
  createPluginClient,
  type PluginClientOptions,
  type PluginDiscovery,
  type PluginFetch,
} from './createPluginClient';
export { serviceClientOptions, type ServiceAuth } from './serviceClientOptions';
