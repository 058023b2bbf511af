/** The scopes an incoming webhook may be given (Bitrix24 scope names). */
export const WEBHOOK_SCOPES = [
  'user',
  'department',
  'task',
  'sonet_group',
  'log',
  'im',
  'disk',
  'calendar',
  'crm',
  'timeman',
  'lists',
  'bizproc',
  'helpdesk',
  'portal',
] as const

/** The address a program calls: `https://portal/rest/<USER_ID>/<TOKEN>/`. */
export function webhookUrl(
  origin: string,
  hook: { USER_ID: string; TOKEN: string; PATH?: string },
): string {
  const path = hook.PATH || `/rest/${hook.USER_ID}/${hook.TOKEN}/`
  return origin.replace(/\/$/, '') + (path.startsWith('/') ? path : `/${path}`)
}

/** A first call to try the webhook from a terminal. */
export function curlExample(url: string): string {
  return `curl -s '${url}profile.json'`
}
