/** Bytes of a base64 text (an export's CONTENT). */
export function base64Bytes(content: string): Uint8Array {
  const binary = atob(content.replace(/\s+/g, ''))
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Saves a file the server sent as base64 (a report workbook) through the browser's download. */
export function downloadBase64(name: string, mime: string, content: string): void {
  const blob = new Blob([base64Bytes(content) as BlobPart], { type: mime })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
