// The one place that says how tests, benches and scripts launch Chromium: Debian's /usr/bin/chromium
// unless COUNCIL_CHROMIUM names another binary (a developer's Chrome, a CI image's path).
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const chromiumExecutable = process.env.COUNCIL_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumLaunchOptions: LaunchOptions = { executablePath: chromiumExecutable, args: chromiumArgs };

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}
