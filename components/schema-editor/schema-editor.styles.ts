import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/host-styles.js';
import { editorBase } from '../core/editor.styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const editorStyles = [hostReset, editorBase, css`
  .version.retired {
    color: ${token.colorMuted};
  }
  .panel {
    padding: 8px 0;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(16em, 1fr) minmax(0, 2fr);
    gap: 16px;
  }
  /* wide tables scroll inside themselves, not the page */
  .table-wrap {
    max-width: 100%;
    overflow-x: auto;
  }
  /* a grid item is as wide as its content by default: on a phone the tree must wrap instead */
  .columns > * {
    min-width: 0;
  }
  @media (max-width: 800px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .inspector {
    /* stays in view beside a long list of fields */
    position: sticky;
    top: 0;
    align-self: start;
    max-height: 100vh;
    overflow: auto;
  }
  .tree,
  .subtree {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .subtree {
    padding-left: 1.2em;
    border-left: 1px dashed ${token.colorBorder};
  }
  .row {
    display: flex;
    gap: 2px;
    align-items: center;
    margin: 2px 0;
  }
  .name {
    flex: 1;
    min-width: 0;
    text-align: left;
    border-color: transparent;
    overflow-wrap: anywhere;
  }
  .tree-item.selected > .row > .name {
    border-color: ${token.colorAccent};
  }
  .warnings {
    color: ${token.colorWarning};
  }
  .confirm {
    border: 1px solid ${token.colorError};
    border-radius: ${token.radius};
    padding: 8px;
    margin: 8px 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }
  .sample-result.valid {
    color: ${token.colorSuccess};
  }
  .sample-result.invalid {
    color: ${token.colorError};
  }
`];
