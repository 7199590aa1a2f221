import { chromium, type Browser } from 'playwright-core';
import flags from './chromium.json' with { type: 'json' };

/** The system Chromium with the flags this machine needs (shared with web-test-runner); never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? flags.executablePath, args: flags.args });
}
