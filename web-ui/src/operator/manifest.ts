import { parse } from 'yaml'

/** A township manifest as the operator pasted or uploaded it: YAML, or JSON (which YAML reads too). */
export type ManifestRead =
  | { ok: true; code: string; manifest: Record<string, unknown> }
  | { ok: false; error: 'empty' | 'syntax' | 'notObject' | 'noCode'; detail?: string }

const CODE = /^[a-z0-9][a-z0-9-]*$/

/** Reads the text into the manifest the API takes, with the township code it names. */
export function readManifest(text: string): ManifestRead {
  if (!text.trim()) return { ok: false, error: 'empty' }
  let value: unknown
  try {
    value = parse(text)
  } catch (error) {
    return { ok: false, error: 'syntax', detail: error instanceof Error ? error.message : String(error) }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: 'notObject' }
  const manifest = value as Record<string, unknown>
  const code = manifest.code
  if (typeof code !== 'string' || !CODE.test(code)) return { ok: false, error: 'noCode' }
  return { ok: true, code, manifest }
}
