// Loaded with `node --require` by a benchmark: the backend packages named by BENCH_WITHOUT_PLUGIN
// (one name, or several separated by commas) resolve to plugins that do nothing, so a run measures
// the portal without them. Production code is not touched.
const { registerHooks } = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const left = (process.env.BENCH_WITHOUT_PLUGIN ?? '')
  .split(',')
  .filter(Boolean);

// One stub file per left-out package: each is its own module with its own plugin id.
const stubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-bench-noop-'));
const stubs = new Map(
  left.map((name, i) => {
    const file = path.join(stubDir, `left-out-${i}.cjs`);
    fs.writeFileSync(
      file,
      `module.exports = require(${JSON.stringify(
        path.join(__dirname, 'noop-plugin.cjs'),
      )}).noopPlugin(${JSON.stringify(`benchmark-left-out-${i}`)});
module.exports.default = module.exports;
`,
    );
    return [name, file];
  }),
);
process.on('exit', () => fs.rmSync(stubDir, { recursive: true, force: true }));

registerHooks({
  resolve(specifier, context, nextResolve) {
    const stub = stubs.get(specifier);
    return nextResolve(stub ?? specifier, context);
  },
});
