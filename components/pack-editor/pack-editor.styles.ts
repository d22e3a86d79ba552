import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/host-styles.js';
import { editorBase } from '../core/editor.styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const packEditorStyles = [hostReset, editorBase, css`
  #panel {
    padding: 8px 0;
  }
  fieldset.table {
    margin: 12px 0;
  }
  .props {
    margin: 0;
  }
  .props > div {
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: 4px 8px;
    margin: 2px 0;
  }
  .props dd {
    margin: 0;
  }
  .codes ul {
    list-style: none;
    margin: 0 0 4px;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  .codes li {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 0 0 0 6px;
  }
  .add-code,
  .add-entry,
  .add-field,
  .named-row,
  .expect {
    display: flex;
    gap: 4px;
    margin: 4px 0;
  }
  .named,
  .sample,
  .expect-computed {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    margin: 8px 0;
  }
  .named-row {
    flex-wrap: wrap;
    align-items: flex-start;
  }
  .named-row azx-logic-builder {
    flex: 1 1 16rem;
  }
  .test-results .passed .verdict,
  .case-result.passed .verdict {
    color: ${token.colorSuccess};
  }
  .test-results .failed .verdict,
  .case-result.failed .verdict,
  .badge {
    color: ${token.colorError};
    font-weight: 600;
  }
  .add-region {
    border: 1px solid ${token.colorWarning};
    border-radius: ${token.radius};
    padding: 8px;
    margin: 8px 0;
  }
`];
