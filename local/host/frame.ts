import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the host gives a Custom UI frame: Forge's `view.getContext()` answer. */
export interface FrameContext {
  moduleKey: string;
  localId: string;
  extension: Record<string, unknown>;
  accountId: string | undefined;
  cloudId: string;
  siteUrl: string;
  timezone: string;
  locale: string;
  environmentType: 'DEVELOPMENT';
}

/** JSON safe inside a <script> element: no `</script>`, no HTML comment or line-separator tricks. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The bridge the host injects before the app's bundle loads (on Forge the product does this).
 * It answers the calls @forge/bridge makes: getContext, invoke (through POST /__forge/invoke,
 * the acting user taken from the switcher's cookie by the site, never from the frame), and
 * navigation, which it performs on the top window like the products do, for http(s) URLs only (a
 * `javascript:` URL handed to the host must never run in the host page).
 */
function bridgeScript(context: FrameContext): string {
  return `<script>(function(){
var ctx=${scriptJson(context)};
function post(body){return fetch('/__forge/invoke',{method:'POST',credentials:'same-origin',headers:{'content-type':'application/json'},body:JSON.stringify(body)}).then(function(r){return r.json().then(function(b){if(!r.ok){var e=new Error(b&&b.message||('Invocation failed with '+r.status));throw e;}return b.result;});});}
window.__bridge={callBridge:function(name,payload){
switch(name){
case 'getContext':return Promise.resolve(JSON.parse(JSON.stringify(ctx)));
case 'invoke':return post({functionKey:payload.functionKey,payload:payload.payload,context:{moduleKey:ctx.moduleKey,localId:ctx.localId,extension:ctx.extension}});
case 'navigate':if(payload&&payload.url){var u;try{u=new URL(String(payload.url),window.top.location.href);}catch(e){return Promise.reject(new Error('Invalid URL'));}if(u.protocol!=='https:'&&u.protocol!=='http:'){return Promise.reject(new Error('Only http(s) URLs can be opened'));}if(payload.type==='new-tab'){window.open(u.href,'_blank','noopener');}else{window.top.location.href=u.href;}}return Promise.resolve(true);
case 'getUrl':return Promise.resolve(new URL(String(payload&&payload.target||''),ctx.siteUrl));
case 'reload':window.top.location.reload();return Promise.resolve(true);
default:return Promise.resolve(true);
}}};
})();</script>`;
}

export class FrameServer {
  constructor(private readonly distDir: string) {}

  /** The built index.html with the bridge injected first in <head>; assets resolve relative to it. */
  render(context: FrameContext): string {
    let html: string;
    try {
      html = readFileSync(join(this.distDir, 'index.html'), 'utf8');
    } catch {
      return `<!doctype html><p style="font-family:sans-serif">The Custom UI is not built yet: run <code>npm run build</code>.</p>`;
    }
    return html.replace(/<head>/i, `<head>${bridgeScript(context)}`);
  }
}
