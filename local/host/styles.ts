/** Host chrome styled after Atlassian's design tokens (the light and dark themes' values). */
export const HOST_CSS = `
:root{--ds-text:#172B4D;--ds-text-subtle:#44546F;--ds-text-subtlest:#626F86;--ds-link:#0C66E4;--ds-surface:#FFFFFF;--ds-surface-sunken:#F7F8F9;--ds-border:#091E4224;--ds-background-neutral:#091E420F;--ds-background-brand-bold:#0C66E4;--ds-text-inverse:#FFFFFF;--host-lozenge-bg:#DCDFE4;--host-lozenge-text:#44546F;--host-lozenge-progress-bg:#CCE0FF;--host-lozenge-progress-text:#09326C;--host-lozenge-done-bg:#BAF3DB;--host-lozenge-done-text:#164B35;color-scheme:light}
html[data-color-mode="dark"]{--ds-text:#CECFD2;--ds-text-subtle:#A9ABAF;--ds-text-subtlest:#96999E;--ds-link:#669DF1;--ds-surface:#1F1F21;--ds-surface-sunken:#18191A;--ds-border:#E3E4F21F;--ds-background-neutral:#CECED912;--ds-background-brand-bold:#669DF1;--ds-text-inverse:#1F1F21;--host-lozenge-bg:#CECED924;--host-lozenge-text:#CECFD2;--host-lozenge-progress-bg:#1C2B42;--host-lozenge-progress-text:#8FB8F6;--host-lozenge-done-bg:#28311B;--host-lozenge-done-text:#B3DF72;color-scheme:dark}
*{box-sizing:border-box}
body{margin:0;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans",Ubuntu,"Droid Sans","Helvetica Neue",sans-serif;font-size:14px;line-height:20px;color:var(--ds-text);background:var(--ds-surface)}
a{color:var(--ds-link);text-decoration:none}a:hover{text-decoration:underline}
a:focus-visible,button:focus-visible,select:focus-visible{outline:2px solid #388BFF;outline-offset:2px}
.topnav{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;min-height:56px;padding:8px 16px;border-bottom:1px solid var(--ds-border);background:var(--ds-surface)}
.topnav .product{font-weight:653;font-size:16px;display:flex;align-items:center;gap:8px;color:var(--ds-text)}
.topnav .logo{width:24px;height:24px;border-radius:4px;background:var(--ds-background-brand-bold);display:inline-block}
.topnav nav{display:flex;gap:4px}
.topnav nav a{padding:6px 8px;border-radius:3px;color:var(--ds-text-subtle);font-weight:500}
.topnav nav a:hover{background:var(--ds-background-neutral);text-decoration:none}
.topnav .spacer{flex:1}
.topnav a,.topnav label{white-space:nowrap}
.switcher{display:flex;align-items:center;gap:8px;color:var(--ds-text-subtle)}
.switcher select{font:inherit;color:var(--ds-text);padding:4px 8px;border:1px solid var(--ds-border);border-radius:3px;background:var(--ds-surface)}
.switcher button{font:inherit;color:var(--ds-text);padding:4px 10px;border:0;border-radius:3px;background:var(--ds-background-neutral);cursor:pointer}
main{padding:24px 40px;max-width:1280px}
.crumbs{color:var(--ds-text-subtlest);font-size:14px;margin-bottom:8px}
h1{font-size:24px;line-height:28px;font-weight:653;margin:0 0 16px}
h2{font-size:16px;font-weight:653;margin:24px 0 8px}
.issue{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:32px}
.issue .side{border:1px solid var(--ds-border);border-radius:3px;padding:12px 16px;align-self:start}
.issue .side dl{display:grid;grid-template-columns:110px 1fr;gap:10px 8px;margin:0}
.issue .side dt{color:var(--ds-text-subtle);font-weight:600;font-size:12px}
.issue .side dd{margin:0}
.lozenge{display:inline-block;padding:0 4px;border-radius:3px;font-size:11px;font-weight:700;text-transform:uppercase;line-height:16px;background:var(--host-lozenge-bg);color:var(--host-lozenge-text)}
.lozenge.indeterminate{background:var(--host-lozenge-progress-bg);color:var(--host-lozenge-progress-text)}.lozenge.done{background:var(--host-lozenge-done-bg);color:var(--host-lozenge-done-text)}
.description p{margin:0 0 8px}
.app-panel{margin-top:24px;border:1px solid var(--ds-border);border-radius:3px}
.app-panel header{display:flex;align-items:center;gap:8px;padding:8px 12px;border-bottom:1px solid var(--ds-border);font-weight:600;color:var(--ds-text-subtle);font-size:12px;text-transform:uppercase;letter-spacing:.02em}
iframe.forge{display:block;width:100%;border:0;min-height:120px}
table.list{border-collapse:collapse;width:100%}
table.list th{text-align:left;color:var(--ds-text-subtle);font-size:12px;border-bottom:2px solid var(--ds-border);padding:6px 8px}
table.list td{border-bottom:1px solid var(--ds-border);padding:8px}
.empty{color:var(--ds-text-subtlest);padding:24px 0}
.notfound{max-width:520px;margin:64px auto;text-align:center}
.notfound p{color:var(--ds-text-subtle)}
.confluence-page{max-width:960px}
.confluence-page .meta{color:var(--ds-text-subtlest);margin-bottom:24px}
.confluence-body table{border-collapse:collapse}.confluence-body td,.confluence-body th{border:1px solid var(--ds-border);padding:6px 10px;vertical-align:top}
.confluence-body th{background:var(--ds-surface-sunken)}
`;

/**
 * Sizes each Forge iframe to its content, as the products do for Custom UI (same origin here).
 */
export const FRAME_RESIZE_SCRIPT = `<script>
document.querySelectorAll('iframe.forge').forEach(function(f){
  // Measure the app's root, not the document: the document is never shorter than the frame, so it would never shrink.
  function content(d){return d.getElementById('root')||d.body;}
  function fit(){try{var d=f.contentDocument;if(d&&d.body){var r=content(d).getBoundingClientRect();f.style.height=Math.max(120,Math.ceil(r.bottom+8))+'px';}}catch(e){}}
  f.addEventListener('load',function(){fit();try{new ResizeObserver(fit).observe(content(f.contentDocument));}catch(e){}});
});
</script>`;
