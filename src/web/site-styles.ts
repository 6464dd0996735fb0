/**
 * The one stylesheet of the public pages, served from /assets/site.css so that the CSP needs no inline
 * styles. Colours keep a contrast of at least 4.5:1 (WCAG AA); `html.large` is the 大字模式.
 */

/** The stylesheet text. */
export const SITE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
html.large{font-size:137.5%}
body{margin:0;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;line-height:1.7;color:#1a1a1a;background:#f5f6f8}
a{color:#0b4f9c}
a:hover{color:#073a75}
:focus-visible{outline:3px solid #e08a00;outline-offset:2px}
.skip-link{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:1rem;top:1rem}
.site-header{background:#0b4f9c;color:#fff}
.site-header .bar{max-width:72rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;justify-content:space-between}
.site-name{color:#fff;font-weight:700;font-size:1.125rem;text-decoration:none}
.site-header a{color:#fff}
.size-toggle{font-size:1rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.75rem;line-height:1.3;margin:1rem 0}
h2{font-size:1.375rem;margin:2rem 0 .75rem}
h3{font-size:1.125rem;margin:1.5rem 0 .5rem}
.panel{background:#fff;border:1px solid #d0d4da;border-radius:6px;padding:1rem 1.25rem;margin:1rem 0}
.panel>h2:first-child{margin-top:.25rem}
.lead{font-size:1.0625rem;max-width:48rem}
.alert{border-left:6px solid #b00020;background:#fdecee;padding:.75rem 1rem;margin:1rem 0}
.field{margin:1rem 0}
.field label,.field .label{display:block;font-weight:700;margin-bottom:.25rem}
.hint{color:#4a4f57;font-size:.9375rem;margin:.25rem 0}
input[type=file],input[type=date],textarea{font:inherit;max-width:100%}
input[type=date]{padding:.375rem .5rem;border:1px solid #6b7280;border-radius:4px}
textarea{width:100%;min-height:12rem;padding:.5rem;border:1px solid #6b7280;border-radius:4px}
fieldset{border:1px solid #d0d4da;border-radius:6px;padding:.75rem 1rem;margin:1rem 0;min-width:0}
legend{font-weight:700;padding:0 .25rem}
.or{font-weight:700;margin:.75rem 0}
button{font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:0;border-radius:4px;padding:.625rem 1.5rem;cursor:pointer}
button:hover{background:#073a75}
.summary{font-size:1.125rem;font-weight:700}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
.meta dt{font-weight:700}
.meta dd{margin:0}
.findings{list-style:none;padding:0;margin:0}
.finding{background:#fff;border:1px solid #d0d4da;border-left-width:6px;border-radius:4px;padding:.75rem 1rem;margin:.75rem 0}
.finding.error{border-left-color:#b00020}
.finding.warning{border-left-color:#8a5300}
.finding-head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:0 0 .25rem}
.rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700}
.badge{display:inline-block;border-radius:3px;padding:0 .5rem;font-size:.875rem;font-weight:700;color:#fff}
.badge.error{background:#b00020}
.badge.warning{background:#8a5300}
.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:0 1rem;margin:.25rem 0}
.finding dt{color:#4a4f57}
.finding dd{margin:0}
.table-wrap{overflow-x:auto;margin:.5rem 0 1.5rem;background:#fff;border:1px solid #d0d4da}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:700;padding:.5rem}
th,td{border:1px solid #c4c9d0;padding:.375rem .5rem;vertical-align:middle}
thead th,tbody th{background:#eef1f5;text-align:left;font-weight:600}
td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.unknown{color:#6b3c00;background:#fff7e6;text-align:center}
td.flagged,th.flagged{background:#fde2e1;outline:2px solid #b00020;outline-offset:-2px;font-weight:700}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-footer{max-width:72rem;margin:2rem auto;padding:1rem;color:#4a4f57;font-size:.9375rem;border-top:1px solid #d0d4da}
.footer-links{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding:0;margin:0 0 .5rem}
.breadcrumb ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:.5rem 0;font-size:.9375rem}
.breadcrumb li+li::before{content:"›";padding:0 .375rem;color:#4a4f57}
.column-nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;padding:0;margin:1rem 0}
.column-nav a{display:block;padding:.5rem 1rem;border:1px solid #0b4f9c;border-radius:4px;background:#fff;text-decoration:none}
.column-nav a[aria-current=page]{background:#0b4f9c;color:#fff}
.agency-tree,.agency-tree ul{list-style:none;padding-left:0;margin:.25rem 0}
.agency-tree ul{padding-left:1.5rem;border-left:2px solid #d0d4da}
.agency-tree li{margin:.375rem 0}
.column-list{padding-left:1.25rem}
.column-list li{margin:.5rem 0}
.category-list{list-style:none;padding-left:0}
.category-list li{margin:.375rem 0}
.notice{border-left:6px solid #8a5300;background:#fff7e6;padding:.75rem 1rem;margin:1rem 0}
.contact{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
.contact dt{font-weight:700}
.contact dd{margin:0;overflow-wrap:anywhere}
.missing{color:#6b3c00}
input[type=text],input[type=tel],input[type=email],input[type=search],input[type=number],select{font:inherit;width:100%;max-width:32rem;padding:.375rem .5rem;border:1px solid #6b7280;border-radius:4px;box-sizing:border-box}
.field-error{color:#b00020;font-weight:700;margin:.25rem 0}
.required{color:#b00020;font-weight:400;font-size:.9375rem}
.choice{display:flex;gap:.5rem;align-items:center;margin:.375rem 0;font-weight:400}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.prewrap{white-space:pre-wrap;overflow-wrap:anywhere}
.pager{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:1rem 0}
td.text{text-align:left;white-space:normal}
.button-link{display:inline-block;font-weight:700;color:#fff;background:#0b4f9c;border-radius:4px;padding:.625rem 1.5rem;text-decoration:none}
.button-link:hover{color:#fff;background:#073a75}
@media (max-width:40rem){h1{font-size:1.5rem}.meta,.contact,.finding dl{grid-template-columns:1fr}th,td{padding:.25rem .375rem}}
`;
