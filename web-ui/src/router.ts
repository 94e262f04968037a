import type { Component } from 'vue'
import { createRouter, createWebHistory, loadRouteLocation, type RouteRecordRaw } from 'vue-router'
import { isSignedIn, signIn } from './auth/oidc'
import type { TenantRole } from './auth/roles'
import { loadMessages, type MessagePart } from './i18n'
import { CONSOLE_SECTIONS, sectionMeta, type SectionKey } from './console/sections'
import { useSessionStore } from './stores/session'
import { useTenantStore } from './stores/tenant'

declare module 'vue-router' {
  interface RouteMeta {
    /** Locale key of the page title. */
    titleKey?: string
    /** Needs a signed-in user (inherited by child routes). */
    auth?: boolean
    /** Needs any of these roles in the route's township. */
    roles?: readonly TenantRole[]
    /** Messages beyond the app's that its screens show (inherited by child routes). */
    messages?: MessagePart | readonly MessagePart[]
  }
}

/** Sections with their own screen; the others show a placeholder. Each is its own chunk. */
const SECTION_VIEWS: Partial<Record<SectionKey, () => Promise<Component>>> = {
  dispatch: () => import('./console/dispatch/QueueView.vue'),
  tasks: () => import('./console/dispatch/TasksView.vue'),
  figures: () => import('./console/figures/FiguresView.vue'),
  scan: () => import('./console/scan/ScanDeskView.vue'),
  grids: () => import('./console/grids/GridsView.vue'),
  branding: () => import('./console/branding/BrandingView.vue'),
  riders: () => import('./console/riders/RidersView.vue'),
  stations: () => import('./console/stations/StationsView.vue'),
  merchants: () => import('./console/merchants/MerchantsView.vue'),
  staff: () => import('./console/staff/StaffView.vue'),
  passes: () => import('./console/passes/PassesView.vue'),
  reportSettings: () => import('./console/report-settings/ReportSettingsView.vue'),
  audit: () => import('./console/audit/AuditView.vue'),
  points: () => import('./console/points/PointsView.vue'),
  events: () => import('./console/events/EventsView.vue'),
  suggestions: () => import('./console/suggestions/SuggestionsView.vue'),
  care: () => import('./console/care/CareView.vue'),
  pairing: () => import('./console/pairing/PairingView.vue'),
}

const pairingSection = CONSOLE_SECTIONS.find((s) => s.key === 'pairing')!

const consoleSections: RouteRecordRaw[] = CONSOLE_SECTIONS.map((section) => ({
  path: section.key,
  name: `console-${section.key}`,
  component: SECTION_VIEWS[section.key] ?? (() => import('./console/SectionPlaceholderView.vue')),
  meta: sectionMeta(section),
}))

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'landing', component: () => import('./views/LandingView.vue') },
    {
      path: '/auth/callback',
      name: 'auth-callback',
      component: () => import('./views/AuthCallbackView.vue'),
      meta: { titleKey: 'auth.signingIn' },
    },
    {
      path: '/region',
      name: 'region',
      component: () => import('./region/RegionView.vue'),
      meta: { auth: true, titleKey: 'region.title', messages: 'console' },
    },
    {
      path: '/operator',
      name: 'operator',
      component: () => import('./operator/OperatorView.vue'),
      meta: { auth: true, titleKey: 'operator.title', messages: 'console' },
    },
    {
      path: '/t/:tenant',
      component: () => import('./rider/RiderLayout.vue'),
      meta: { auth: true },
      children: [
        {
          path: '',
          name: 'rider-home',
          component: () => import('./rider/RiderHomeView.vue'),
          meta: { titleKey: 'rider.tabs.home' },
        },
        {
          path: 'map',
          name: 'rider-map',
          component: () => import('./rider/RiderMapView.vue'),
          meta: { titleKey: 'rider.tabs.map' },
        },
        {
          path: 'stations',
          name: 'rider-stations',
          component: () => import('./rider/RiderStationsView.vue'),
          meta: { titleKey: 'stations.title', roles: ['rider'] },
        },
        {
          path: 'report',
          name: 'rider-report',
          component: () => import('./rider/report/ReportFormView.vue'),
          meta: { titleKey: 'report.title', roles: ['rider'] },
        },
        {
          path: 'reports',
          name: 'rider-reports',
          component: () => import('./rider/report/MyReportsView.vue'),
          meta: { titleKey: 'report.mine.title', roles: ['rider'] },
        },
        {
          path: 'reports/:id(\\d+)',
          name: 'rider-report-detail',
          component: () => import('./rider/report/ReportDetailView.vue'),
          props: true,
          meta: { titleKey: 'report.detail.title', roles: ['rider'] },
        },
        {
          path: 'code',
          name: 'rider-code',
          component: () => import('./rider/RiderCodeView.vue'),
          meta: { titleKey: 'myCode.title', roles: ['rider'] },
        },
        {
          path: 'scan',
          name: 'scan',
          component: () => import('./rider/ScanView.vue'),
          meta: { titleKey: 'scan.title', roles: ['station_keeper', 'tenant_admin'] },
        },
        {
          path: 'merchants',
          name: 'rider-merchants',
          component: () => import('./rider/merchants/RiderMerchantsView.vue'),
          meta: { titleKey: 'merchants.rider.title', roles: ['rider'] },
        },
        {
          path: 'friendly',
          name: 'rider-friendly',
          component: () => import('./rider/RiderFriendlyView.vue'),
          meta: { titleKey: 'friendly.rider.title', roles: ['rider'] },
        },
        {
          path: 'friendly/:id(\\d+)',
          name: 'rider-friendly-community',
          component: () => import('./rider/RiderFriendlyCommunityView.vue'),
          meta: { titleKey: 'friendly.title', roles: ['rider'] },
        },
        {
          path: 'passes',
          name: 'rider-passes',
          component: () => import('./rider/RiderPassesView.vue'),
          meta: { titleKey: 'epass.rider.title' },
        },
        {
          // one route (and one chunk to load) for the points area; its screens load as they are opened
          path: 'points/:page(history|rewards|redemptions|leaderboard)?',
          name: 'rider-points',
          component: () => import('./rider/points/PointsArea.vue'),
          props: true,
          meta: { titleKey: 'points.title', roles: ['rider'], messages: 'points' },
        },
        {
          path: 'events/:tab(mine)?',
          name: 'rider-events',
          component: () => import('./rider/events/RiderEventsView.vue'),
          props: true,
          meta: { titleKey: 'rider.entries.events', roles: ['rider'], messages: 'events' },
        },
        {
          // my suggestions and the form to raise one, in one chunk
          path: 'suggestions/:page(new)?',
          name: 'rider-suggestions',
          component: () => import('./rider/suggestions/SuggestionsArea.vue'),
          props: true,
          meta: { titleKey: 'suggestions.title', roles: ['rider'], messages: 'suggestions' },
        },
        {
          path: 'care',
          name: 'rider-care',
          component: () => import('./rider/care/MyCareView.vue'),
          meta: { titleKey: 'care.title', roles: ['rider'], messages: 'care' },
        },
        {
          path: 'pairing',
          name: 'rider-pairing',
          component: () => import('./rider/pairing/MyEldersView.vue'),
          meta: { titleKey: 'pairing.title', roles: ['rider'], messages: 'pairing' },
        },
        {
          path: 'pairing/:pairingId(\\d+)',
          name: 'rider-pairing-visits',
          component: () => import('./rider/pairing/VisitHistoryView.vue'),
          props: true,
          meta: { titleKey: 'pairing.historyTitle', roles: ['rider'], messages: 'pairing' },
        },
        {
          path: 'inbox',
          name: 'rider-inbox',
          component: () => import('./rider/inbox/RiderInboxView.vue'),
          meta: { titleKey: 'notifications.title', messages: 'notifications' },
        },
        {
          path: 'me',
          name: 'rider-me',
          component: () => import('./rider/RiderMeView.vue'),
          meta: { titleKey: 'rider.tabs.me' },
        },
      ],
    },
    {
      // Public: a guard at a community gate checks riders' e-passes without signing in.
      path: '/t/:tenant/verify',
      name: 'guard-verify',
      component: () => import('./guard/GuardVerifyView.vue'),
      meta: { titleKey: 'guard.title' },
    },
    {
      path: '/t/:tenant/console',
      component: () => import('./console/ConsoleLayout.vue'),
      meta: { auth: true, messages: 'console' },
      children: [
        {
          path: '',
          name: 'console-home',
          component: () => import('./console/ConsoleHomeView.vue'),
          meta: { titleKey: 'console.home' },
        },
        {
          path: 'inbox',
          name: 'console-inbox',
          component: () => import('./console/inbox/InboxView.vue'),
          meta: { titleKey: 'notifications.title', messages: 'notifications' },
        },
        ...consoleSections,
        {
          path: 'pairing/alerts/:id(\\d+)',
          name: 'console-pairing-alert',
          component: () => import('./console/pairing/AlertDetailView.vue'),
          props: true,
          meta: { ...sectionMeta(pairingSection), titleKey: 'pairing.console.detail.title' },
        },
      ],
    },
    { path: '/:unknown(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  // The screens' code loads while the user and the township are checked, not after (the router's own loading
  // waits for this guard); a failure surfaces when the router loads them itself.
  loadRouteLocation(to).catch(() => undefined)
  const tenantStore = useTenantStore()
  const tenant = typeof to.params.tenant === 'string' ? to.params.tenant : null
  // The profile is public: load it while the user is checked, so even sign-in errors are branded.
  const entering = tenant ? tenantStore.enter(tenant) : Promise.resolve(tenantStore.leave())
  const parts = to.meta.messages === undefined ? [] : ([] as MessagePart[]).concat(to.meta.messages)
  const messages = Promise.all(parts.map((part) => loadMessages(part)))

  if (to.meta.auth) {
    if (!(await isSignedIn())) {
      await signIn(to.fullPath)
      return false
    }
    await useSessionStore().load()
  }
  await Promise.all([entering, messages])
  // A screen the caller may not open (e.g. a bookmarked link after a role change): the area's home.
  if (to.meta.roles && tenant && !tenantStore.can(...to.meta.roles)) {
    return { name: to.name?.toString().startsWith('console-') ? 'console-home' : 'rider-home', params: { tenant } }
  }
  return true
})
