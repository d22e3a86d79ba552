// The package entry: importing it defines every AZX element.
export * from './core/index.js';
