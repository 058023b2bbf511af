/** Addresses of the ticket desk's pages (the notices of the desk link to the ticket's card). */
export const HELPDESK_PATH = '/helpdesk'

export function ticketPath(id: string | number): string {
  return `${HELPDESK_PATH}/ticket/${id}`
}

export function companyPath(id: string | number): string {
  return `${HELPDESK_PATH}/companies/${id}`
}

/** The task card, where the studio tracks the time a linked ticket bills. */
export function linkedTaskPath(id: string | number): string {
  return `/tasks/task/view/${id}/`
}
