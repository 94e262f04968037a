/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { defineConfig, type Plugin, type Rollup } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver, VantResolver } from 'unplugin-vue-components/resolvers'

/** The API the dev server proxies to. */
const api = process.env.FENGXING_API ?? 'http://localhost:8080'

/**
 * Fails the build when the JavaScript a phone loads before the rider home shows (the app, the home's route with
 * what it imports, and the messages of the default language) passes its budget, gzip level 9: Lighthouse's goal
 * for the rider pages (web-ui/bench/lighthouse.js measures them in a browser).
 */
function riderHomeBudget(limit: number): Plugin {
  const roots = ['index.html', 'src/rider/RiderLayout.vue', 'src/rider/RiderHomeView.vue', 'src/locales/zh-CN.json']
  return {
    name: 'rider-home-budget',
    apply: 'build',
    writeBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk')
      const loaded = new Set<Rollup.OutputChunk>()
      const visit = (chunk: Rollup.OutputChunk): void => {
        if (loaded.has(chunk)) return
        loaded.add(chunk)
        for (const name of chunk.imports) visit(bundle[name] as Rollup.OutputChunk)
      }
      for (const root of roots) {
        const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(root))
        if (!chunk) this.error(`no chunk for ${root}`)
        visit(chunk)
      }
      const bytes = [...loaded].reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0)
      const summary = `JavaScript before the rider home: ${(bytes / 1024).toFixed(1)} KB gzip in ${loaded.size} files`
      if (bytes > limit) this.error(`${summary}, over the budget of ${(limit / 1024).toFixed(0)} KB`)
      this.info(summary)
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    // Vant (rider) and Element Plus (console) components are imported, with their CSS, only where
    // a template uses them, so each lazily loaded area carries its own library and nothing else.
    Components({
      dirs: [],
      resolvers: [VantResolver(), ElementPlusResolver()],
      dts: 'src/components.d.ts',
    }),
    // 100 KB until events, suggestions and care services: their routes, console sections, home tiles and
    // message loaders add 1.2 KB of names and loaders to the app's chunk; 102 KB until care pairing (捎带手), whose
    // routes, section, tile and loaders add 0.7 KB, and whose look-ins share the reports' outbox (its own chunk)
    riderHomeBudget(103 * 1024),
  ],
  // The router uses HTML5 history. platform-api serves these files statically and forwards
  // unknown non-API paths (e.g. /t/ningxiang/console) to index.html, so deep links load the app;
  // hence an absolute base.
  base: '/',
  define: {
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  build: {
    // Packed into the web-ui jar, which platform-api serves at /.
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        // Target of silent sign-in renewal in a hidden iframe (providers without refresh tokens).
        silent: fileURLToPath(new URL('auth/silent.html', import.meta.url)),
      },
    },
  },
  server: {
    // Transform every component at start-up, so the dependency optimiser sees the library imports
    // the routes make on demand before the first page loads. Found later, they make the dev server
    // reload the page, which breaks a sign-in callback in flight.
    warmup: { clientFiles: ['./src/**/*.vue'] },
    proxy: {
      '/api': api,
      '/q': api,
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
})
