/** Longest edge of a photo as sent: plenty to see a pothole, a fraction of a phone camera's 4000 px. */
export const MAX_EDGE = 1600
const QUALITY = 0.8

/** The size that fits `width` × `height` within `maxEdge` on its longest side, never enlarged. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/**
 * The photo as a JPEG at most {@link MAX_EDGE} px on its longest side, drawn upright on a canvas,
 * so a phone on a weak network sends a few hundred kB instead of several MB (and no EXIF). A photo
 * the browser cannot decode is sent as it is; the API says whether it takes it.
 */
export async function shrinkPhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return file
  }
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, MAX_EDGE)
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height)
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
    return jpeg ?? file
  } finally {
    bitmap.close()
  }
}
