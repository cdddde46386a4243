#!/usr/bin/env node
// `scripts/portal openapi [--check]`: generates, from each in-house backend's src/schema/openapi.yaml,
// the validated server router (backend) and the typed client with its types (client package).
// Backstage's own generator (`backstage-repo-tools package schema openapi generate`) runs the Java
// openapi-generator, whose jar is downloaded from Maven Central: not reachable from this network. This
// writes the same two things with npm tools only: the router as Backstage's generated one is
// (`createValidatedOpenApiRouter` over the document as a const), and the client from openapi-typescript's
// types. `--check` fails when a generated file differs from what the document gives (run by
// `scripts/portal test`).
import SwaggerParser from '@apidevtools/swagger-parser';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import YAML from 'yaml';
import { apis } from './lib/openapiApis.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = (source) =>
  `// ******************************************************************\n` +
  `// * THIS IS A GENERATED FILE. DO NOT EDIT.                         *\n` +
  `// * From ${source}: run \`scripts/portal openapi\`.\n` +
  `// ******************************************************************\n`;

const pascal = s => s.replace(/(^|[-_ ])(\w)/g, (_, __, c) => c.toUpperCase());
const camel = s => pascal(s).replace(/^./, c => c.toLowerCase());
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

// For a module serving routes under a stock plugin's root (`sharesRoot` in openapiApis.mjs).
const SCOPED = `
const documentedPaths = Object.keys(spec.paths).map(
  path => new RegExp(\`^\${path.replace(/\\{[^}]+\\}/g, '[^/]+')}$\`),
);

/**
 * Passes only requests for the document's paths to \`router\`: a module sharing a stock plugin's root
 * leaves the plugin's own routes, and its /openapi.json, to the plugin.
 */
export function documentedPathsOnly(router: express.RequestHandler): express.Router {
  const scoped = express.Router();
  scoped.use((req, res, next) =>
    documentedPaths.some(path => path.test(req.path)) ? router(req, res, next) : next(),
  );
  return scoped;
}
`;

function routerFile(doc, source, api) {
  return `${HEADER(source)}
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';${api.sharesRoot ? "\nimport express from 'express';" : ''}

/** The OpenAPI document of this plugin, as a value the router's types are derived from. */
export const spec = ${JSON.stringify(doc)} as const;

/** An express router that validates requests against {@link spec} and types the handlers from it. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
${api.sharesRoot ? SCOPED : ''}`;
}

/** The operations of the document: method name, HTTP method, path, response type. */
function operationsOf(doc) {
  const ops = [];
  for (const [route, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${route} has no operationId`);
      const success = Object.entries(op.responses ?? {}).find(([code]) => /^2/.test(code));
      const json = success?.[1]?.content?.['application/json'];
      const hasParams = [...(item.parameters ?? []), ...(op.parameters ?? [])].length > 0;
      const requiredParams = [...(item.parameters ?? []), ...(op.parameters ?? [])].some(
        p => p.in === 'path' || p.required,
      );
      ops.push({
        id: op.operationId,
        name: camel(op.operationId),
        method: method.toUpperCase(),
        route,
        summary: op.summary,
        status: success?.[0],
        returnsJson: Boolean(json),
        hasParams,
        requiredParams,
        hasBody: Boolean(op.requestBody),
        bodyRequired: Boolean(op.requestBody?.required),
      });
    }
  }
  return ops;
}

function clientFile(doc, dereferenced, { pluginId, clientName }, source) {
  const ops = operationsOf(dereferenced);
  const schemas = Object.keys(doc.components?.schemas ?? {});
  const methods = ops
    .map(op => {
      const req = [
        op.hasParams ? `params${op.requiredParams ? '' : '?'}: operations['${op.id}']['parameters']` : '',
        op.hasBody
          ? `body${op.bodyRequired ? '' : '?'}: NonNullable<operations['${op.id}']['requestBody']>['content']['application/json']`
          : '',
      ].filter(Boolean);
      const requestArg = req.length
        ? `request: { ${req.join('; ')} }${op.requiredParams || op.bodyRequired ? '' : ' = {}'}`
        : '';
      const result = op.returnsJson
        ? `operations['${op.id}']['responses']['${op.status}']['content']['application/json']`
        : 'void';
      const init = [op.hasParams ? 'params: request.params' : '', op.hasBody ? 'body: request.body' : '']
        .filter(Boolean)
        .join(', ');
      return `
  /** ${op.summary ?? op.id} (\`${op.method} ${op.route}\`) */
  async ${op.name}(${requestArg}): Promise<${result}> {
    ${op.returnsJson ? 'const { data } = ' : ''}await this.client.${op.method}('${op.route}', { ${init} });${op.returnsJson ? '\n    return data!;' : ''}
  }`;
    })
    .join('\n');
  return `${HEADER(source)}
import { createPluginClient, PluginClientOptions } from '@internal/openapi-client';
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from './types';

export type { components, operations, paths };
${schemas.map(s => `/** The \`${s}\` schema of the ${pluginId} API. */\nexport type ${pascal(s)} = components['schemas']['${s}'];`).join('\n')}
${schemas
  .filter(s => Array.isArray(doc.components.schemas[s].enum))
  .map(s => `/** The values of the \`${s}\` schema. */\nexport const ${camel(s)}Values = ${JSON.stringify(doc.components.schemas[s].enum)} as const;`)
  .join('\n')}

/** The client of the \`${pluginId}\` backend, generated from its OpenAPI document. */
export class ${clientName} {
  /** The plugin whose base URL the client resolves. */
  static readonly pluginId = '${pluginId}';
  private readonly client: Client<paths>;

  constructor(options: PluginClientOptions) {
    this.client = createPluginClient<paths>(${clientName}.pluginId, options);
  }
${methods}
}
`;
}

async function format(text, file) {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

async function outputs(api) {
  const source = path.join(api.backend, 'src/schema/openapi.yaml');
  const text = fs.readFileSync(path.join(root, source), 'utf8');
  // Merge keys (`<<: *properties`) let a schema extend another's properties without allOf.
  const doc = YAML.parse(text, { merge: true });
  await SwaggerParser.validate(structuredClone(doc));
  const dereferenced = await SwaggerParser.dereference(structuredClone(doc));
  const types = astToString(await openapiTS(doc, { alphabetize: false }));
  const files = {
    [path.join(api.backend, 'src/schema/openapi/generated/router.ts')]: routerFile(doc, source, api),
    [path.join(api.backend, 'src/schema/openapi/generated/index.ts')]: `${HEADER(source)}\nexport { createOpenApiRouter, ${api.sharesRoot ? 'documentedPathsOnly, ' : ''}spec } from './router';\n`,
    [path.join(api.client, 'src/schema/openapi/generated/types.ts')]: `${HEADER(source)}\n/* eslint-disable */\n${types}`,
    [path.join(api.client, 'src/schema/openapi/generated/client.ts')]: clientFile(doc, dereferenced, api, source),
    [path.join(api.client, 'src/schema/openapi/generated/index.ts')]: `${HEADER(source)}\nexport * from './client';\n`,
  };
  // The document as a value stays on one line: it is src/schema/openapi.yaml again, not code to read.
  for (const file of Object.keys(files)) {
    if (!file.endsWith('router.ts')) files[file] = await format(files[file], path.join(root, file));
  }
  return files;
}

const check = process.argv.includes('--check');
let stale = 0;
for (const api of apis) {
  let files;
  try {
    files = await outputs(api);
  } catch (e) {
    console.error(`openapi: ${api.backend}/src/schema/openapi.yaml is not a valid OpenAPI document: ${e.message}`);
    process.exit(1);
  }
  for (const [file, content] of Object.entries(files)) {
    const abs = path.join(root, file);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      console.error(`openapi: ${file} is not what ${api.backend}/src/schema/openapi.yaml gives: run scripts/portal openapi`);
      stale++;
    } else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
      console.error(`openapi: wrote ${file}`);
    }
  }
}
process.exit(stale ? 1 : 0);
