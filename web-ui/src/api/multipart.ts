/**
 * A multipart/form-data body (openapi-fetch's `bodySerializer`): the fields that have a value, as
 * text, then the files under `fileField`, named `<fileField>-<n>.jpg` (the API reads their type from
 * the bytes).
 */
export function multipart(
  fields: Record<string, string | number | boolean | undefined>,
  fileField?: string,
  files: Blob[] = [],
): FormData {
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') form.append(name, String(value))
  }
  files.forEach((file, i) => form.append(fileField!, file, `${fileField}-${i + 1}.jpg`))
  return form
}
