import { css } from 'lit';
import { token } from './tokens.js';

/**
 * The first styles of every AZX element. Shadow DOM keeps the page's selectors out, but
 * inherited properties still cross the shadow boundary: a portal's `body { letter-spacing;
 * text-transform; text-align }` would reach our text. The host sets each of them back to
 * the element's own values; `box-sizing` inside is ours whatever `* {}` the page has. Sizes
 * inside use px or em, never rem: rem follows the page's `html { font-size }`. It also holds the
 * one `.visually-hidden` rule every element uses (text read by screen readers, not shown: labels
 * of compact cells, tile names, states). No CSS comments inside: they would ship in every bundle.
 */
export const hostReset = css`
  :host {
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
    direction: ltr;
    visibility: visible;
    cursor: auto;
    list-style: disc;
    font-size: ${token.fontSize};
    line-height: 1.5;
    color: ${token.colorText};
    font-family: ${token.fontFamily};
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
