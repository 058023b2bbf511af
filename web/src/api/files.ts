import type { FileUpload } from './types'

/** Reads a picked file into the `["name", "<base64>"]` pair the API takes. */
export function fileToUpload(file: File): Promise<FileUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.onload = () => {
      const dataUrl = String(reader.result ?? '')
      const comma = dataUrl.indexOf(',')
      resolve([file.name, comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl])
    }
    reader.readAsDataURL(file)
  })
}
