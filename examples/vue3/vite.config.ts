import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      // <azx-*> are custom elements, not Vue components: Vue sets their properties and listens to their events.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('azx-') } },
    }),
  ],
});
