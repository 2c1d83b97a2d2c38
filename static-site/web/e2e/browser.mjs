// Headless Chromium for the e2e scripts: Debian's /usr/bin/chromium (or CHROMIUM), driven by playwright-core,
// with nothing that reaches the network on its own (updates, sync, QUIC).
import { chromium } from 'playwright-core';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS });
}
