import { createI18n } from 'vue-i18n'
import en from './en'
import ru from './ru'
import ro from './ro'

export const LANGUAGES = ['ru', 'en', 'ro'] as const
export type Language = (typeof LANGUAGES)[number]
export type MessageSchema = typeof en

const STORAGE_KEY = 'artel.language'

/** Russian: 1 сотрудник, 2 сотрудника, 5 сотрудников. */
export function russianPlural(choice: number, choicesLength: number): number {
  if (choicesLength < 3) return choice === 1 ? 0 : 1
  const n = Math.abs(choice)
  const mod10 = n % 10
  const mod100 = n % 100
  if (mod10 === 1 && mod100 !== 11) return 0
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 1
  return 2
}

/** Romanian: 1 angajat, 2 angajați, 20 de angajați. */
export function romanianPlural(choice: number, choicesLength: number): number {
  if (choicesLength < 3) return choice === 1 ? 0 : 1
  const n = Math.abs(choice)
  if (n === 1) return 0
  const mod100 = n % 100
  if (n === 0 || (mod100 >= 1 && mod100 <= 19)) return 1
  return 2
}

export const i18n = createI18n<[MessageSchema], Language, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en, ru, ro },
  pluralRules: { ru: russianPlural, ro: romanianPlural },
  missingWarn: false,
  fallbackWarn: false,
})

export function normalizeLanguage(value: string | null | undefined): Language | null {
  if (!value) return null
  const code = value.toLowerCase().slice(0, 2)
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : null
}

export function browserLanguage(): Language {
  const list = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : []
  for (const candidate of list) {
    const lang = normalizeLanguage(candidate)
    if (lang) return lang
  }
  return 'en'
}

/** The language chosen on this browser before logging in (login page switcher). */
export function storedLanguage(): Language | null {
  try {
    return normalizeLanguage(localStorage.getItem(STORAGE_KEY))
  } catch {
    return null
  }
}

export function currentLanguage(): Language {
  return i18n.global.locale.value
}

export function applyLanguage(lang: Language, remember = true): void {
  i18n.global.locale.value = lang
  if (typeof document !== 'undefined') document.documentElement.lang = lang
  if (!remember) return
  try {
    localStorage.setItem(STORAGE_KEY, lang)
  } catch {
    // private mode: the choice just does not survive a reload
  }
}
