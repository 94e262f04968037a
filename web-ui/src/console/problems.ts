import type { Problem } from '../api/core'

/**
 * A problem's per-field errors keyed by the form's field names. The API names a field by its JSON
 * path (`branding.primaryColor`, `features[3].geometry`), sometimes behind the body parameter's
 * name; an error goes to the longest form field its path ends with, or under `''` when none fits.
 */
export function fieldErrors(problem: Problem | undefined, fields: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {}
  for (const { field, message } of problem?.errors ?? []) {
    const key =
      [...fields]
        .sort((a, b) => b.length - a.length)
        .find((name) => field === name || field.endsWith(`.${name}`) || field.startsWith(`${name}[`)) ?? ''
    result[key] = result[key] ? `${result[key]} ${message}` : message
  }
  return result
}
