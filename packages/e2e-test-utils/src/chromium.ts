/**
 * How the portal's browser tests and benchmarks launch the machine's Chromium (Debian's package;
 * Playwright never downloads a browser): `PORTAL_CHROMIUM` or /usr/bin/chromium, headless, with
 * nothing that reaches out of the machine.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.PORTAL_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
