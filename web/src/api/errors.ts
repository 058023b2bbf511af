import { i18n } from '../i18n'
import { BAD_RESPONSE, NETWORK_ERROR, RestError } from './rest'

/** The sentence to show a person for a failed call: the server's own words when it gave them. */
export function errorText(error: unknown): string {
  const t = i18n.global.t
  if (error instanceof RestError) {
    if (error.code === NETWORK_ERROR) return t('errors.network')
    if (error.code === BAD_RESPONSE) return t('errors.badResponse', { status: error.status })
    return error.description || error.code
  }
  if (error instanceof Error && error.message) return error.message
  return t('errors.unknown')
}

export function errorCode(error: unknown): string {
  return error instanceof RestError ? error.code : ''
}

/**
 * The error to show under one field when the server named it (ERROR_ARGUMENT's `argument`), as
 * `{ FIELD: sentence }`; null when the error belongs to the whole form. `fieldOf` maps the
 * server's field names to a form's own, when they differ.
 */
export function fieldErrorOf(
  error: unknown,
  fieldOf?: Record<string, string>,
): Record<string, string> | null {
  if (!(error instanceof RestError) || !error.argument) return null
  const argument = error.argument.toUpperCase()
  const field = fieldOf ? fieldOf[argument] : argument
  return field ? { [field]: errorText(error) } : null
}
