/**
 * The stylesheet of the kit's form controls (form-controls.tsx): text inputs and selects, fields with an error,
 * radio groups and the error summary. It sits beside the site's stylesheet (which styles inputs, .field-error,
 * .required and .button-link); a form's own page styles follow it. Contrast ≥ 4.5:1; sizes in rem so 大字模式
 * scales.
 */

/** The stylesheet text. */
export const FORM_CONTROLS_CSS = `
.text-input,select{font:inherit;width:100%;max-width:32rem;padding:.5rem .625rem;border:1px solid #6b7280;border-radius:4px;background:#fff;color:#1a1a1a;min-height:2.75rem}
.has-error{border-left:4px solid #b00020;padding-left:.75rem}
.has-error .text-input,.has-error textarea,.has-error select{border:2px solid #b00020}
.radio-group{border:1px solid #d0d4da}
.radio{display:flex;align-items:center;gap:.5rem;margin:.375rem 0;min-height:2.75rem}
.radio input{width:1.25rem;height:1.25rem;margin:0;flex:none}
.radio label{font-weight:400;margin:0}
#error-summary h2{margin-top:.25rem;font-size:1.125rem}
#error-summary a{color:#8a0019;font-weight:700}
`;
