import { setCustomElementsManifest, type Preview } from '@storybook/web-components';

// The manifest exists after `npm run build`; without it stories still work, only the docs tables are empty.
const manifests = import.meta.glob<{ default: object }>('../dist/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest.default);

const preview: Preview = {
  // every element gets a docs page: its description, properties, attributes, events, slots, parts and CSS properties
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
