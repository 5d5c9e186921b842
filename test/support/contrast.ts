import type { Frame, Page } from 'playwright-core';

/**
 * WCAG 2.x text contrast, measured from computed styles (axe-core is not installed here, so this
 * is the subset of its color-contrast rule that matters for a theme): every visible, enabled
 * element with text of its own, its colour composited over the first opaque background among its
 * ancestors. Normal text needs 4.5:1, large text (24px, or 18.66px bold) 3:1.
 */
export interface LowContrast {
  text: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

/** Runs inside the page: self-contained, serialised by Playwright. */
function findLowContrast(): LowContrast[] {
  type Rgba = [number, number, number, number];
  const parse = (c: string): Rgba | null => {
    const m = /^rgba?\(([^)]+)\)$/.exec(c.trim());
    if (!m?.[1]) return null;
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const channel = (v: number): number => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c: Rgba): number => 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]);
  const background = (el: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = parse(getComputedStyle(e).backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    // Nothing opaque: the browser's canvas under this document (white).
    let result: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const out: LowContrast[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION', 'IFRAME'].includes(el.tagName)) continue;
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!own) continue;
    if (el.closest(':disabled, [aria-disabled="true"], [aria-hidden="true"]')) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || el.getClientRects().length === 0) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    const fg = parse(el instanceof SVGElement ? style.fill : style.color);
    if (!fg) continue;
    const bg = background(el);
    const text = over(fg, bg);
    const [hi, lo] = [luminance(text), luminance(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const bold = Number(style.fontWeight) >= 700;
    const required = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    if (ratio < required)
      out.push({
        text: own.slice(0, 60),
        ratio: Math.round(ratio * 100) / 100,
        required,
        color: style.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
      });
  }
  return out;
}

/** The texts of `target` (a page or one of its frames) below WCAG AA contrast. */
export function lowContrastTexts(target: Page | Frame): Promise<LowContrast[]> {
  return target.evaluate(findLowContrast);
}

/** The relative luminance of the document's own background (0 black … 1 white). */
export function backgroundLuminance(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    const m = /rgba?\(([^)]+)\)/.exec(getComputedStyle(document.documentElement).backgroundColor);
    const [r = 255, g = 255, b = 255] = (m?.[1] ?? '255,255,255').split(/[\s,/]+/).map(Number);
    const ch = (v: number): number => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  });
}
