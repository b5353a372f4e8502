import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Flags that let Debian's Chromium run headless on a closed network. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
]

/** The Chromium to drive, or null when this machine has none. */
export function findChromium(): string | null {
  return CANDIDATES.find((path) => path && existsSync(path)) ?? null
}

/**
 * Whether browser tests may be skipped here. They never are where
 * `E2E_REQUIRED` is set (CI), so a missing browser fails loudly there.
 */
export function shouldSkipBrowserTests(): boolean {
  if (findChromium()) return false
  if (process.env.E2E_REQUIRED) {
    throw new Error('E2E_REQUIRED is set but no Chromium was found')
  }

  return true
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found; set CHROMIUM_PATH')

  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS })
}
