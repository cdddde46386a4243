import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';

/**
 * A stand-in for the backend plugin `pluginId`, for a test backend: `routes` adds the routes it
 * answers, over HTTP as the real one does, to an express router served below `/api/<pluginId>`.
 */
export function standInPlugin(
  pluginId: string,
  routes: (router: express.Router) => void,
) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { http: coreServices.httpRouter },
        async init({ http }) {
          const router = express.Router();
          routes(router);
          http.use(router);
        },
      });
    },
  });
}
