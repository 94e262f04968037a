import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { api } from './api/client'
import { useTenantStore } from './stores/tenant'

// Photos of reports and suggestions, shared by the rider app and the console.

/** Object URLs for blobs (photos on the phone, images fetched with the token), revoked when the component goes. */
export function useObjectUrls() {
  const urls = new Map<Blob, string>()

  function url(blob: Blob): string {
    let u = urls.get(blob)
    if (!u) {
      u = URL.createObjectURL(blob)
      urls.set(blob, u)
    }
    return u
  }

  function release(blob: Blob): void {
    const u = urls.get(blob)
    if (u) URL.revokeObjectURL(u)
    urls.delete(blob)
  }

  /** Lets go of the URLs of all blobs but these. */
  function retain(blobs: Blob[]): void {
    ;[...urls.keys()].filter((b) => !blobs.includes(b)).forEach(release)
  }

  onBeforeUnmount(() => retain([]))

  return { url, release, retain }
}

/** A report photo's bytes: the image needs the bearer token, so an <img src> cannot load it itself. */
export async function fetchReportPhoto(tenant: string, report: number, photo: number, thumb: boolean): Promise<Blob> {
  const { data } = await api.GET('/api/t/{tenant}/reports/{id}/photos/{photo}', {
    params: { path: { tenant, id: report, photo }, query: thumb ? { size: 'thumb' } : {} },
    parseAs: 'blob',
  })
  return data as Blob
}

/** Which photo of which report, and whether the thumbnail will do. */
export interface PhotoRef {
  report: number
  photo: number
  thumb?: boolean
}

/**
 * A report photo as an object URL for <img src>, fetched with the token whenever `which` changes
 * (undefined while loading; `failed` when it could not be had, e.g. offline).
 */
export function useReportPhoto(which: () => PhotoRef): { src: Ref<string | undefined>; failed: Ref<boolean> } {
  const tenant = useTenantStore()
  return useFetchedPhoto(which, ({ report, photo, thumb }) => fetchReportPhoto(tenant.code!, report, photo, thumb ?? false))
}

/**
 * A photo fetched with the token (a report's, a suggestion's) as an object URL for <img src>, fetched again whenever
 * `which` changes (undefined while loading; `failed` when it could not be had, e.g. offline).
 */
export function useFetchedPhoto<T>(
  which: () => T,
  fetch: (which: T) => Promise<Blob>,
): { src: Ref<string | undefined>; failed: Ref<boolean> } {
  const { url, release } = useObjectUrls()
  const src = ref<string>()
  const failed = ref(false)
  let shown: Blob | undefined

  watch(
    which,
    async (w) => {
      failed.value = false
      try {
        const blob = await fetch(w)
        if (shown) release(shown)
        shown = blob
        src.value = url(blob)
      } catch {
        failed.value = true
      }
    },
    { immediate: true },
  )
  return { src, failed }
}
