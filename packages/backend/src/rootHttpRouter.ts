import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { accessLog } from './requestLogging';
import { compressionExceptSameHost } from './sameHostCompression';

/**
 * Backstage's root HTTP router with its defaults, but for two middlewares: the access log is
 * {@link accessLog} (successful internal reads at debug) and compression leaves out plugins calling
 * plugins on this host ({@link compressionExceptSameHost}).
 */
export const lighthouseRootHttpRouter = rootHttpRouterServiceFactory({
  configure(context) {
    const { middleware } = context;
    const compression = middleware.compression.bind(middleware);
    middleware.logging = () => accessLog(context.logger);
    middleware.compression = () => compressionExceptSameHost(compression());
    context.applyDefaults();
  },
});
