import './assets/main.css'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
import { rest } from './api/rest'
import { useSessionStore } from './stores/session'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(router)
app.use(i18n)
app.use(b24UiPlugin)

// A 401 on a call made while logged in means the session ended (logout elsewhere,
// expiry): go back to the login page instead of failing quietly.
rest.onUnauthorized = () => {
  const session = useSessionStore(pinia)
  if (session.status !== 'ready') return
  session.becomeAnonymous()
  const current = router.currentRoute.value
  if (!current.meta.public)
    void router.push({ name: 'login', query: { redirect: current.fullPath } })
}

app.mount('#app')
