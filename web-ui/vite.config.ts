/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver, VantResolver } from 'unplugin-vue-components/resolvers'

/** The API the dev server proxies to. */
const api = process.env.FENGXING_API ?? 'http://localhost:8080'

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
