import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import bitrix24UIPluginVite from '@bitrix24/b24ui-nuxt/vite'

const backend = process.env.ARTEL_BACKEND ?? 'http://127.0.0.1:8080'

export default defineConfig({
  plugins: [
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
