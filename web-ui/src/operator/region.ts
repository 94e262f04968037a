/** A region path as people read it: 吕梁市/中阳县 as 吕梁市 › 中阳县. */
export function regionLabel(path: string | undefined): string {
  return (path ?? '').split('/').join(' › ')
}
