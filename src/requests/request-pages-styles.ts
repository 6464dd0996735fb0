/**
 * The stylesheet of the public request pages (form, confirmation, status), served from
 * /assets/request-forms.css beside the site's stylesheet: the kit's form controls, then the pages' own parts
 * (groups, guidance, the credentials on the confirmation, the steps and letters on the status page).
 * Contrast ≥ 4.5:1; sizes in rem so 大字模式 scales.
 */
import { FORM_CONTROLS_CSS } from "../web/form-styles.ts";

/** The stylesheet text. */
export const REQUEST_FORMS_CSS = `${FORM_CONTROLS_CSS}
.group{background:#f9fafb}
.group>legend{font-size:1.0625rem}
.guidance{padding-left:1.25rem}
.guidance li{margin:.5rem 0}
.request-form button{min-height:2.75rem;margin-top:.5rem}
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
