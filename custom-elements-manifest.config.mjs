// The custom elements manifest (custom-elements.json): what each element
// offers (properties, attributes, events, slots, parts, CSS properties),
// read from the classes and their JSDoc. Written by scripts/build.mjs into dist/.
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.test.ts', 'components/**/*.stories.ts', 'components/**/*.d.ts'],
  outdir: 'dist',
  litelement: true,
};
