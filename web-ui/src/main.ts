import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { i18n, loadMessages } from './i18n'
import { router } from './router'
import './style.css'

// The router starts the first navigation on install, so it runs while the language's messages load.
const app = createApp(App).use(createPinia()).use(i18n).use(router)
void loadMessages().finally(() => app.mount('#app'))
