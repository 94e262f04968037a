/** A township's primary colour applied to both component libraries through their CSS variables. */

type Rgb = [number, number, number]

function parseHex(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{6})$/i.exec(hex.trim())
  if (!match) return null
  const n = Number.parseInt(match[1]!, 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`
}

/** `weight` of `color` over `base`, as Element Plus derives its shades. */
export function mix(color: string, base: string, weight: number): string {
  const c = parseHex(color)
  const b = parseHex(base)
  if (!c || !b) throw new Error(`not a #rrggbb colour: ${color} / ${base}`)
  return toHex([0, 1, 2].map((i) => c[i]! * weight + b[i]! * (1 - weight)) as Rgb)
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminanceOf(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  }) as Rgb
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [la, lb] = [a, b].map((c) => {
    const rgb = parseHex(c)
    if (!rgb) throw new Error(`not a #rrggbb colour: ${c}`)
    return luminanceOf(rgb)
  }) as [number, number]
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** Dark or white text, whichever reads better on `background` (WCAG relative luminance). */
export function inkOn(background: string): string {
  const rgb = parseHex(background)
  if (!rgb) return '#ffffff'
  const luminance = luminanceOf(rgb)
  // Contrast against white (1.05 / (L + 0.05)) versus against near-black #1f2328 (L ≈ 0.016).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 ? '#ffffff' : '#1f2328'
}

/**
 * The colour itself when text in it reads on white (WCAG AA, 4.5:1), else the lightest shade of it
 * towards black that does: a bright township colour (an orange) still marks the active tab, readably.
 */
export function textShade(color: string): string {
  for (let weight = 1; weight > 0; weight -= 0.05) {
    const shade = mix(color, '#000000', weight)
    if (contrast(shade, '#ffffff') >= 4.5) return shade
  }
  return '#000000'
}

/** The CSS variables a primary colour sets: Vant's, Element Plus's (with its shades) and ours. */
export function primaryColorVariables(color: string): Record<string, string> {
  return {
    '--fx-primary': color,
    '--fx-on-primary': inkOn(color),
    '--fx-primary-text': textShade(color),
    '--van-primary-color': color,
    '--el-color-primary': color,
    '--el-color-primary-light-3': mix(color, '#ffffff', 0.7),
    '--el-color-primary-light-5': mix(color, '#ffffff', 0.5),
    '--el-color-primary-light-7': mix(color, '#ffffff', 0.3),
    '--el-color-primary-light-8': mix(color, '#ffffff', 0.2),
    '--el-color-primary-light-9': mix(color, '#ffffff', 0.1),
    '--el-color-primary-dark-2': mix(color, '#000000', 0.8),
  }
}

/** The product's own colour, for pages outside a township and townships that set none. */
const PRODUCT_COLOR = '#f5a623'

/** Sets the page's primary colour: the township's, or with none (or an invalid one) the product's. */
export function applyPrimaryColor(color: string | undefined): void {
  const valid = color && parseHex(color) ? color : PRODUCT_COLOR
  const style = document.documentElement.style
  for (const [name, value] of Object.entries(primaryColorVariables(valid))) style.setProperty(name, value)
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', valid)
}
