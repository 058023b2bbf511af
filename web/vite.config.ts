import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import bitrix24UIPluginVite from '@bitrix24/b24ui-nuxt/vite'

const backend = process.env.ARTEL_BACKEND ?? 'http://127.0.0.1:8080'

/**
 * dhtmlx-gantt's stylesheet loads the Inter font from fonts.gstatic.com, which a portal on a
 * closed network cannot reach: drop those @font-face rules (the chart uses the portal's font).
 */
function ganttWithoutRemoteFonts(): Plugin {
  return {
    name: 'artel-gantt-without-remote-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('dhtmlx-gantt') || !id.split('?')[0].endsWith('.css')) return null
      return {
        code: code.replace(/@font-face\s*\{[^}]*fonts\.gstatic\.com[^}]*\}/g, ''),
        map: null,
      }
    },
  }
}

export default defineConfig({
  plugins: [
    ganttWithoutRemoteFonts(),
    vue(),
    // The portal has one look (light content on the Air wallpaper), so the kit's
    // system dark-mode switch stays off.
    bitrix24UIPluginVite({ colorMode: false }),
  ],
  server: {
    proxy: {
      '/rest': { target: backend, changeOrigin: false },
      '/upload': { target: backend, changeOrigin: false },
      '/ws': { target: backend, ws: true, changeOrigin: false },
    },
  },
  build: {
    chunkSizeWarningLimit: 1200,
  },
})
