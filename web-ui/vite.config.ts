import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

const api = 'http://localhost:8080'

export default defineConfig({
  plugins: [vue()],
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
  },
  server: {
    proxy: {
      '/api': api,
      '/q': api,
    },
  },
})
