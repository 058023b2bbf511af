/** Shapes of the objects the REST API returns (Bitrix24 field names). */

export type UserType = 'employee' | 'extranet'

export interface User {
  ID: string
  ACTIVE: boolean
  NAME: string
  LAST_NAME: string
  SECOND_NAME?: string
  EMAIL: string
  PERSONAL_PHOTO: string
  PERSONAL_GENDER?: string
  PERSONAL_BIRTHDAY?: string
  PERSONAL_MOBILE?: string
  PERSONAL_CITY?: string
  WORK_POSITION?: string
  WORK_PHONE?: string
  UF_DEPARTMENT: Array<number | string>
  UF_PHONE_INNER?: string
  UF_SKILLS?: string
  UF_INTERESTS?: string
  USER_TYPE: UserType
  LANGUAGE_ID?: string
  IS_ADMIN: boolean
  INVITED: boolean
  DATE_REGISTER?: string
  LAST_LOGIN?: string
}

export interface Department {
  ID: string
  NAME: string
  SORT?: number
  PARENT?: string | number | null
  UF_HEAD?: string | number | null
}

export interface PortalInfo {
  NAME: string
  LOGO: string
  SELF_REGISTRATION: 'Y' | 'N'
  NEEDS_SETUP: boolean
  LANGUAGE: string
}

export interface SessionInfo {
  user: User
  csrf: string
  portal?: Partial<PortalInfo>
}

export interface PortalSettings {
  PORTAL_NAME: string
  LOGO: string
  CONTACT_EMAIL: string
  TIME_ZONE: string
  DATE_FORMAT: string
  TIME_FORMAT: string
  SELF_REGISTRATION: 'Y' | 'N'
  ALLOWED_IPS: string[]
  LANGUAGE: string
}

export interface Webhook {
  ID: string
  USER_ID: string
  TOKEN: string
  PATH: string
  SCOPE: string[]
  TITLE: string
  CREATED: string
}

export interface InvitationInfo {
  EMAIL: string
  NAME: string
  LAST_NAME: string
  PORTAL_NAME: string
}

/** A file as the API accepts it: `["name.png", "<base64>"]`. */
export type FileUpload = [string, string]
