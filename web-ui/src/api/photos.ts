import { api } from './client'

/**
 * A report photo as an object URL for `<img src>`. Photos need the bearer token, which an image
 * request cannot send, so the bytes are fetched and wrapped; revoke the URL with
 * `URL.revokeObjectURL` when the image goes away.
 */
export async function reportPhotoUrl(tenant: string, report: number, photo: number, thumb = false): Promise<string> {
  const { data } = await api.GET('/api/t/{tenant}/reports/{id}/photos/{photo}', {
    params: { path: { tenant, id: report, photo }, query: thumb ? { size: 'thumb' } : {} },
    parseAs: 'blob',
  })
  return URL.createObjectURL(data as Blob)
}
