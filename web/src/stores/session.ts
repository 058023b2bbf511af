import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { rest } from '../api/rest'
import type { PortalInfo, SessionInfo, User } from '../api/types'
import {
  applyLanguage,
  browserLanguage,
  normalizeLanguage,
  storedLanguage,
  type Language,
} from '../i18n'
import { useLiveStore } from './live'
import { useUsersStore } from './users'

export type SessionStatus = 'loading' | 'setup' | 'anonymous' | 'ready' | 'error'

/** Who is logged in, the portal's public facts, and the steps that change them. */
export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('loading')
  const portal = ref<PortalInfo | null>(null)
  const user = ref<User | null>(null)
  const bootError = ref<unknown>(null)
  let booting: Promise<void> | null = null

  const isAdmin = computed(() => !!user.value?.IS_ADMIN)
  const isExtranet = computed(() => user.value?.USER_TYPE === 'extranet')
  const portalName = computed(() => portal.value?.NAME || 'Artel')

  async function loadPortal(): Promise<void> {
    portal.value = await rest.result<PortalInfo>('artel.portal.info')
  }

  function anonymousLanguage(): Language {
    return storedLanguage() ?? normalizeLanguage(portal.value?.LANGUAGE) ?? browserLanguage()
  }

  /** Runs once on load: portal facts, then the session if there is one. */
  function bootstrap(): Promise<void> {
    if (!booting) booting = runBootstrap()
    return booting
  }

  async function runBootstrap(): Promise<void> {
    try {
      await loadPortal()
    } catch (error) {
      bootError.value = error
      status.value = 'error'
      applyLanguage(storedLanguage() ?? browserLanguage(), false)
      return
    }
    if (portal.value?.NEEDS_SETUP) {
      applyLanguage(anonymousLanguage(), false)
      status.value = 'setup'
      return
    }
    try {
      await loadSession()
    } catch {
      becomeAnonymous()
    }
  }

  async function loadSession(): Promise<void> {
    const info = await rest.result<SessionInfo>('artel.session')
    rest.csrf = info.csrf
    user.value = info.user
    if (info.portal) portal.value = { ...(portal.value ?? ({} as PortalInfo)), ...info.portal }
    useUsersStore().upsert(info.user)
    applyLanguage(normalizeLanguage(info.user.LANGUAGE_ID) ?? anonymousLanguage())
    status.value = 'ready'
    useLiveStore().start()
  }

  function becomeAnonymous(): void {
    useLiveStore().stop()
    rest.csrf = null
    user.value = null
    status.value = 'anonymous'
    applyLanguage(anonymousLanguage(), false)
  }

  /** Every way in (login, setup, registration, invitation) ends with a fresh session. */
  async function enter(method: string, params: Record<string, unknown>): Promise<void> {
    const answer = await rest.result<Partial<SessionInfo>>(method, params)
    if (answer && typeof answer === 'object' && answer.csrf) rest.csrf = answer.csrf
    await loadSession()
  }

  const login = (LOGIN: string, PASSWORD: string) => enter('artel.login', { LOGIN, PASSWORD })
  /** A new account keeps the language the person chose on the page they signed up on. */
  async function keepLanguage(lang: Language): Promise<void> {
    if (user.value && normalizeLanguage(user.value.LANGUAGE_ID) !== lang) {
      await setLanguage(lang).catch(() => applyLanguage(lang))
    }
  }

  async function setup(fields: Record<string, unknown>, lang: Language): Promise<void> {
    await enter('artel.setup', fields)
    await rest.result('artel.settings.set', { fields: { LANGUAGE: lang } }).catch(() => undefined)
    await keepLanguage(lang)
  }

  async function register(fields: Record<string, unknown>, lang: Language): Promise<void> {
    await enter('artel.register', fields)
    await keepLanguage(lang)
  }

  async function acceptInvitation(fields: Record<string, unknown>, lang: Language): Promise<void> {
    await enter('artel.invitation.accept', fields)
    await keepLanguage(lang)
  }

  async function logout(): Promise<void> {
    try {
      await rest.result('artel.logout')
    } finally {
      becomeAnonymous()
    }
  }

  /** The language is the person's own: saved on the server once logged in. */
  async function setLanguage(lang: Language): Promise<void> {
    if (user.value) {
      await rest.result('user.update', { ID: user.value.ID, LANGUAGE_ID: lang })
      replaceMe({ ...user.value, LANGUAGE_ID: lang })
    }
    applyLanguage(lang)
  }

  /** A newer copy of me arrived (my edit, or a live event). */
  function replaceMe(next: User): void {
    if (!user.value || String(next.ID) !== String(user.value.ID)) return
    const languageChanged = next.LANGUAGE_ID && next.LANGUAGE_ID !== user.value.LANGUAGE_ID
    user.value = { ...user.value, ...next }
    const lang = normalizeLanguage(next.LANGUAGE_ID)
    if (languageChanged && lang) applyLanguage(lang)
  }

  return {
    status,
    portal,
    user,
    bootError,
    isAdmin,
    isExtranet,
    portalName,
    bootstrap,
    loadPortal,
    loadSession,
    becomeAnonymous,
    login,
    setup,
    register,
    acceptInvitation,
    logout,
    setLanguage,
    replaceMe,
  }
})
