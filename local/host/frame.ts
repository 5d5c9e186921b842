import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'express';
import { esc } from './html';

/** The theme a Custom UI frame gets once it calls `view.theme.enable()`: Atlassian's ThemeState. */
export interface FrameTheme {
  colorMode: 'light' | 'dark';
  light: 'light';
  dark: 'dark';
  spacing: 'spacing';
  typography: 'typography';
  shape: 'shape';
}

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
  theme: FrameTheme;
}

export function frameTheme(colorMode: 'light' | 'dark'): FrameTheme {
  return { colorMode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' };
}

/** Where the frame loads the host's bridge from: a same-origin file, so the CSP needs no inline script. */
export const BRIDGE_SCRIPT_PATH = '/__app/__forge-bridge.js';

/**
 * The bridge the host provides before the app's bundle loads (on Forge the product does this; it
 * is never the app's inline code). It is a static same-origin script, allowed by `script-src
 * 'self'`, that reads its frame's context from its own element's `data-context` attribute (data,
 * not code, so no nonce or hash is needed). It answers the calls @forge/bridge makes:
 * getContext, invoke (through POST /__forge/invoke, the acting user taken from the switcher's
 * cookie by the site, never from the frame), enableTheming (sets `data-color-mode` and
 * `data-theme` on the frame's <html> as Atlassian's hosts do), and navigation, which it performs
 * on the top window like the products do, for http(s) URLs only (a `javascript:` URL handed to the
 * host must never run in the host page). `createHistory` is Forge's `view.createHistory()` of a
 * full-page module: a History (v4 shape) over the product URL after the global page's own address
 * (`/jira/apps/<app>/<env>`), refused elsewhere as Forge refuses it outside full pages.
 */
export const BRIDGE_SCRIPT = `(function(){
var el=document.currentScript;
var ctx=JSON.parse(el&&el.getAttribute('data-context')||'{}');
function post(body){return fetch('/__forge/invoke',{method:'POST',credentials:'same-origin',headers:{'content-type':'application/json'},body:JSON.stringify(body)}).then(function(r){return r.json().then(function(b){if(!r.ok){var e=new Error(b&&b.message||('Invocation failed with '+r.status));throw e;}return b.result;});});}
function applyTheme(t){var h=document.documentElement;h.setAttribute('data-color-mode',t.colorMode);h.setAttribute('data-theme',['dark:'+t.dark,'light:'+t.light,'spacing:'+t.spacing,'typography:'+t.typography,'shape:'+t.shape].join(' '));}
function createHistory(){
var base=/^\\/jira\\/apps\\/[^/]+\\/[^/]+/.exec(window.top.location.pathname);
if(!base){return Promise.reject(new Error('createHistory is only available in full page modules'));}
base=base[0];var top=window.top,listeners=[];
function here(){var p=top.location.pathname.slice(base.length)||'/';return {pathname:p,search:top.location.search,hash:top.location.hash,state:null,key:''};}
function href(to){if(typeof to==='string'){to={pathname:to.split('?')[0]||'/',search:to.indexOf('?')>=0?to.slice(to.indexOf('?')):''};}var p=to.pathname&&to.pathname!=='/'?to.pathname:'';var s=to.search?(to.search.charAt(0)==='?'?to.search:'?'+to.search):'';return base+p+s+(to.hash||'');}
function tell(action){var l=here();h.location=l;h.action=action;listeners.slice().forEach(function(f){f(l,action);});}
var h={action:'POP',location:here(),
push:function(to){top.history.pushState(null,'',href(to));tell('PUSH');},
replace:function(to){top.history.replaceState(null,'',href(to));tell('REPLACE');},
go:function(n){top.history.go(n);},goBack:function(){top.history.back();},goForward:function(){top.history.forward();},
createHref:href,
listen:function(f){listeners.push(f);return function(){listeners=listeners.filter(function(g){return g!==f;});};}};
top.addEventListener('popstate',function(){tell('POP');});
return Promise.resolve(h);}
window.__bridge={callBridge:function(name,payload){
switch(name){
case 'getContext':return Promise.resolve(JSON.parse(JSON.stringify(ctx)));
case 'invoke':return post({functionKey:payload.functionKey,payload:payload.payload,context:{moduleKey:ctx.moduleKey,localId:ctx.localId,extension:ctx.extension}});
case 'enableTheming':if(ctx.theme){applyTheme(ctx.theme);}return Promise.resolve(true);
case 'navigate':if(payload&&payload.url){var u;try{u=new URL(String(payload.url),window.top.location.href);}catch(e){return Promise.reject(new Error('Invalid URL'));}if(u.protocol!=='https:'&&u.protocol!=='http:'){return Promise.reject(new Error('Only http(s) URLs can be opened'));}if(payload.type==='new-tab'){window.open(u.href,'_blank','noopener');}else{window.top.location.href=u.href;}}return Promise.resolve(true);
case 'getUrl':return Promise.resolve(new URL(String(payload&&payload.target||''),ctx.siteUrl));
case 'reload':window.top.location.reload();return Promise.resolve(true);
case 'createHistory':return createHistory();
default:return Promise.resolve(true);
}}};
})();
`;

export class FrameServer {
  /** `csp`: the policy every frame is served with (see csp.ts, built from the manifest). */
  constructor(
    private readonly distDir: string,
    private readonly csp: string,
  ) {}

  /** The built index.html with the bridge's script element first in <head>; assets resolve relative to it. */
  render(context: FrameContext): string {
    let html: string;
    try {
      html = readFileSync(join(this.distDir, 'index.html'), 'utf8');
    } catch {
      return `<!doctype html><p>The Custom UI is not built yet: run <code>npm run build</code>.</p>`;
    }
    const bridge = `<script src="${BRIDGE_SCRIPT_PATH}" data-context="${esc(JSON.stringify(context))}"></script>`;
    return html.replace(/<head>/i, `<head>${bridge}`);
  }

  /** Answers a frame request as Forge does: the app's HTML under its content security policy. */
  send(res: Response, context: FrameContext): void {
    res.set('Content-Security-Policy', this.csp).type('html').send(this.render(context));
  }

  /** The bridge script itself (same origin as the frame). */
  sendBridge(res: Response): void {
    res.set('Content-Security-Policy', this.csp).type('application/javascript').set('Cache-Control', 'no-cache').send(BRIDGE_SCRIPT);
  }
}
