import type { Browser } from 'playwright-core';

/** What the global setup started, shared by every test file of the run. */
export const ctx = {
  strapi: undefined as any,
  cmsUrl: '',
  distDir: '',
  siteUrl: '',
  siteDir: '',
  browser: undefined as Browser | undefined,
  admin: { email: '', password: '' },
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
