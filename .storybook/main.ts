import type { StorybookConfig } from '@storybook/web-components-vite';

// Offline and quiet: no telemetry, no update checks. Docs: a page per element from the custom
// elements manifest (autodocs), and the MDX pages of stories/docs (getting started per
// framework, theming, words).
process.env['STORYBOOK_DISABLE_TELEMETRY'] = '1';

const config: StorybookConfig = {
  stories: ['../stories/docs/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    // Browsers do not run standard decorators yet: let esbuild lower them, as the library build does.
    return {
      ...vite,
      esbuild: { ...(vite.esbuild || {}), target: 'es2022' },
      build: { ...vite.build, target: 'es2022' },
      optimizeDeps: {
        ...vite.optimizeDeps,
        esbuildOptions: { ...vite.optimizeDeps?.esbuildOptions, target: 'es2022' },
      },
    };
  },
};

export default config;
