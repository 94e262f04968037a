// Files the API sends as attachments. They need the bearer token, so a plain link cannot fetch them:
// the screen fetches the bytes with `api` (parseAs: 'blob') and hands them to the browser here.

/** The file name in a Content-Disposition header (RFC 6266: the UTF-8 `filename*` first), else `fallback`. */
export function fileNameOf(disposition: string | null | undefined, fallback: string): string {
  if (!disposition) return fallback
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim())
    } catch {
      // malformed escapes: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition)
  return plain ? (plain[2] ?? plain[1]!).trim() : fallback
}

/** Saves a fetched file as the browser's download. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // the download has taken the bytes once the click has been handled
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
