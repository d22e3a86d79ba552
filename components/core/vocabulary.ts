// The x- annotations a schema may carry. Validators are told they exist
// (no strict:false), so a misspelt keyword is still a schema error.
// Keep in step with the server-side validator and schemas/.

export interface XKeyword {
  keyword: string;
  /** JSON types the keyword's value may have; checked when the schema compiles. */
  schemaType?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';
}

export const X_KEYWORDS: readonly XKeyword[] = [
  { keyword: 'x-widget', schemaType: 'string' },
  { keyword: 'x-order', schemaType: 'number' },
  { keyword: 'x-group', schemaType: 'string' },
  { keyword: 'x-groups', schemaType: 'array' },
  { keyword: 'x-placeholder', schemaType: 'string' },
  { keyword: 'x-help', schemaType: 'string' },
  { keyword: 'x-rules', schemaType: 'array' },
  { keyword: 'x-compute' },
  { keyword: 'x-visible' },
  { keyword: 'x-column', schemaType: 'string' },
  // How wide a field is where the form has room for two columns: "half" shares a row.
  { keyword: 'x-width', schemaType: 'string' },
  // A number the server assigns from its sequence per region and year: { prefix, date }.
  { keyword: 'x-number', schemaType: 'object' },
  // Attachments (x-widget file/photo): the record's file field the files go to, and accepted types.
  { keyword: 'x-file-field', schemaType: 'string' },
  { keyword: 'x-accept', schemaType: 'string' },
  // Display hints (also what azx/rjsf and azx/formily map other libraries' hints to): labels of
  // plain enum values; a field kept in the value but not shown; a field shown but not editable.
  { keyword: 'x-enum-titles', schemaType: 'array' },
  { keyword: 'x-enum-titles-en', schemaType: 'array' },
  { keyword: 'x-hidden', schemaType: 'boolean' },
  { keyword: 'x-disabled', schemaType: 'boolean' },
  // On the root: every format is an assertion, so a format the form cannot check refuses the
  // definition (without it, such a format is an annotation and the form warns once).
  { keyword: 'x-assert-formats', schemaType: 'boolean' },
  // English text beside the Chinese default.
  { keyword: 'x-title-en', schemaType: 'string' },
  { keyword: 'x-description-en', schemaType: 'string' },
  { keyword: 'x-help-en', schemaType: 'string' },
  { keyword: 'x-placeholder-en', schemaType: 'string' },
];
