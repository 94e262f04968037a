import { accessToken } from '../../auth/oidc'
import { ApiProblem } from '../../api/core'

/**
 * An elder's door photo (门头照, so a rider finds the right door) from the URL the API gives: the image needs the
 * bearer token, so an <img src> cannot load it itself.
 */
export async function fetchDoorPhoto(url: string): Promise<Blob> {
  const token = await accessToken()
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  if (!response.ok) throw new ApiProblem({ type: 'about:blank', status: response.status, title: response.statusText })
  return response.blob()
}
