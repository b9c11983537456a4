// better-sqlite3 always compiles on our machines (its prebuilt binary lives on GitHub, which is
// unreachable). node-gyp would then download Node's headers; point it at the running Node's own
// headers instead so the build works offline. pnpm 12 ignores npm's `nodedir` setting.
const fs = require('node:fs')
const path = require('node:path')

function updateConfig(config) {
  const prefix = path.dirname(path.dirname(process.execPath))
  if (fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) {
    config.extraEnv = { ...(config.extraEnv ?? {}), npm_config_nodedir: prefix }
  }
  return config
}

module.exports = { hooks: { updateConfig } }
