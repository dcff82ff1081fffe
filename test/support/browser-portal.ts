import { Browser, chromium, Page } from 'playwright-core';
import { Gateway, sharedGateway } from './run-context';

export type PortalLanguage = 'fr' | 'en';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The harness's hosts (acme-….test, access-….test) resolve nowhere: every name reaches the gateway on loopback.
  '--host-resolver-rules=MAP * 127.0.0.1',
];

/** Debian's Chromium, driven by playwright-core; `extraFlags` for a spec that needs more (WebAuthn needs a secure context). */
export function launchChromium(extraFlags: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_FLAGS, ...extraFlags] });
}

/**
 * A fresh browser profile (no cookies, no storage) on one portal host, whose
 * preferred language is the one given: the portal follows navigator.language.
 */
export async function openPortal(
  browser: Browser,
  host: string,
  options: { language?: PortalLanguage; gateway?: Gateway } = {},
): Promise<Page> {
  const gateway = options.gateway ?? sharedGateway();
  const context = await browser.newContext({
    baseURL: `http://${host}:${gateway.port}`,
    locale: options.language === 'en' ? 'en-GB' : 'fr-FR',
    viewport: DESKTOP,
  });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}
