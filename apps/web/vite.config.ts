import fs from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

const apiTarget = process.env.RUYU_API_URL ?? 'http://localhost:3000'

/**
 * Writes `<file>.br` and `<file>.gz` next to every text asset once, at build time, at the highest levels (too slow
 * per request); the server sends them to browsers that accept them (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'ruyu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    writeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const full = path.join(dir, e.name)
          if (e.isDirectory()) return e.name === '.vite' ? [] : walk(full)
          return /\.(js|css|html|svg|json|txt)$/.test(e.name) ? [full] : []
        })
      for (const file of walk(outDir)) {
        const raw = fs.readFileSync(file)
        if (raw.length < 1024) continue
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        })
        fs.writeFileSync(`${file}.br`, br)
        fs.writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }))
      }
    },
  }
}

// Two pages: index.html (the console) and public.html (the pages without an account, see
// packages/contracts/src/public-pages.ts), so a citizen on a phone never downloads the console's routes.
// The chunks below hold only what the first page (usually /login) needs, tagged `$initial` by rolldown.
// Everything else (tables, trees, the staff layout) is left to automatic splitting so each lazy route pulls
// only the components it uses; UI.md caps the first page at 400 KB gzip.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/docs': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      input: {
        index: path.resolve(import.meta.dirname, 'index.html'),
        public: path.resolve(import.meta.dirname, 'public.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            {
              name: 'antd',
              // Icons stay out: the console's menu icons would otherwise ride along on every public page.
              test: /node_modules[\\/](antd|@ant-design[\\/](?!icons)|@rc-component|rc-[^\\/]+|@emotion|stylis|classnames|clsx)[\\/]/,
              tags: ['$initial'],
              priority: 20,
            },
            {
              name: 'vendor',
              // No dayjs: only the console's date pickers and lists use it, the public pages format dates themselves.
              test: /node_modules[\\/](i18next|react-i18next|@tanstack|html-parse-stringify|void-elements)[\\/]/,
              priority: 10,
            },
            {
              // The public pages' shared code (their small UI kit, request client, query cache, i18n start-up) in one
              // file rather than a dozen tiny ones, each a round trip on a phone; the console loads it too.
              name: 'public-kit',
              test: /src[\\/](shared[\\/](public-ui[\\/]|public-display|display-prefs|public-audience|error-messages|request)|app[\\/](query-client|i18n-setup|public-providers|pages[\\/]public-route-error))/,
              priority: 5,
            },
          ],
        },
      },
    },
  },
})
