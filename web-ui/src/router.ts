import { createRouter, createWebHistory } from 'vue-router'
import LandingView from './views/LandingView.vue'
import RiderHomeView from './views/RiderHomeView.vue'
import ConsoleView from './views/ConsoleView.vue'
import RegionView from './views/RegionView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** Locale key of the page title; the landing page uses the product name. */
    titleKey?: string
  }
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'landing', component: LandingView },
    {
      path: '/t/:tenant',
      name: 'rider',
      component: RiderHomeView,
      props: true,
      meta: { titleKey: 'rider.title' },
    },
    {
      path: '/t/:tenant/console',
      name: 'console',
      component: ConsoleView,
      props: true,
      meta: { titleKey: 'console.title' },
    },
    { path: '/region', name: 'region', component: RegionView, meta: { titleKey: 'region.title' } },
    { path: '/:unknown(.*)*', redirect: '/' },
  ],
})
