/**
 * The stylesheet of the public request pages (form, confirmation, status), served from
 * /assets/request-forms.css beside the site's stylesheet (which styles inputs, .field-error, .required and
 * .button-link). Contrast ≥ 4.5:1; sizes in rem so 大字模式 scales.
 */

/** The stylesheet text. */
export const REQUEST_FORMS_CSS = `
.text-input,select{font:inherit;width:100%;max-width:32rem;padding:.5rem .625rem;border:1px solid #6b7280;border-radius:4px;background:#fff;color:#1a1a1a;min-height:2.75rem}
.has-error{border-left:4px solid #b00020;padding-left:.75rem}
.has-error .text-input,.has-error textarea,.has-error select{border:2px solid #b00020}
.radio-group{border:1px solid #d0d4da}
.radio{display:flex;align-items:center;gap:.5rem;margin:.375rem 0;min-height:2.75rem}
.radio input{width:1.25rem;height:1.25rem;margin:0;flex:none}
.radio label{font-weight:400;margin:0}
.group{background:#f9fafb}
.group>legend{font-size:1.0625rem}
.guidance{padding-left:1.25rem}
.guidance li{margin:.5rem 0}
.request-form button{min-height:2.75rem;margin-top:.5rem}
#error-summary h2{margin-top:.25rem;font-size:1.125rem}
#error-summary a{color:#8a0019;font-weight:700}
.credential-list{display:grid;grid-template-columns:max-content 1fr;gap:.5rem 1rem;align-items:baseline;margin:0 0 1rem}
.credential-list dt{font-weight:700}
.credential{margin:0;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.75rem;font-weight:700;letter-spacing:.1em;overflow-wrap:anywhere}
.next-steps li{margin:.5rem 0}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.status-name{font-weight:700}
.provisional{color:#6b3c00;font-weight:700}
.steps{padding-left:1.5rem}
.steps li{margin:.5rem 0}
.step-date{font-variant-numeric:tabular-nums;font-weight:700;margin-right:.5rem}
.letters{list-style:none;padding:0}
.letters li{background:#fff;border:1px solid #d0d4da;border-radius:4px;padding:.75rem 1rem;margin:.5rem 0}
.letter-title{font-weight:700;margin-right:.5rem}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin-top:.25rem}
@media (max-width:40rem){.credential-list{grid-template-columns:1fr}.credential{font-size:1.5rem}}
`;
