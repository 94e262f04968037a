import { ref, watch } from 'vue'

const MUTED_KEY = 'fengxing.dispatch.muted'

function storedMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === 'true'
  } catch {
    return false
  }
}

/** The dispatcher's mute switch for the new-report sound, remembered on this device. */
export const muted = ref(storedMuted())
watch(muted, (value) => {
  try {
    localStorage.setItem(MUTED_KEY, String(value))
  } catch {
    // private mode: the switch holds for this page only
  }
})

let context: AudioContext | null = null

/**
 * Browsers start audio only after the user has interacted with the page: call this from a click
 * or key press so that later cues, which arrive without one, can sound.
 */
export function unlockAudio(): void {
  try {
    context ??= new AudioContext()
    if (context.state === 'suspended') void context.resume()
  } catch {
    // no Web Audio: the visual highlight remains
  }
}

/** A short two-tone beep (Web Audio, no sound file), unless muted. */
export function beep(): void {
  if (muted.value) return
  unlockAudio()
  if (!context || context.state !== 'running') return
  const start = context.currentTime
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 1175],
  ] as const) {
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, start + offset)
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15)
    oscillator.connect(gain).connect(context.destination)
    oscillator.start(start + offset)
    oscillator.stop(start + offset + 0.16)
  }
}
