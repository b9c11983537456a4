/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 document of every route (openapi.document.ts), and
 * `GET /api/reference`: a reference page over it (Swagger UI from the swagger-ui-dist package,
 * served from the desk itself: nothing is loaded from outside, and it runs under the desk's CSP).
 * Both are public: they describe the routes, not data.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import type { AppEnv } from '../../lib/context.ts'
import { buildOpenApiDocument, type RegisteredRoute } from './openapi.document.ts'

const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const

// relative URLs: the page is /api/reference, its assets /api/reference/<file>
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inquiry Desk API reference</title>
<link rel="stylesheet" href="reference/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="reference/swagger-ui-bundle.js"></script>
<script src="reference/init.js"></script>
</body>
</html>
`

// validatorUrl null: Swagger UI would otherwise fetch a badge from validator.swagger.io
const INIT = `window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  tryItOutEnabled: false,
  docExpansion: 'none',
})
`

/** `routes()`: the app's registered routes, read when the document is first asked for. */
export function openApiRoutes(routes: () => readonly RegisteredRoute[]) {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => {
      document ??= buildOpenApiDocument(routes())
      return c.json(document, 200)
    })
    .get('/reference', (c) => c.html(PAGE, 200))
    .get('/reference/init.js', (c) =>
      c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
    )
    .get('/reference/:file{swagger-ui\\.css|swagger-ui-bundle\\.js}', async (c) => {
      const file = c.req.param('file') as keyof typeof ASSETS
      return c.body(await readFile(join(SWAGGER_DIR, file)), 200, {
        'content-type': ASSETS[file],
        'cache-control': 'public, max-age=86400',
      })
    })
}
