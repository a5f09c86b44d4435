/** The window factory's options and the CSP, checked without launching Electron. */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP, isAllowedExternal, isAppUrl, windowOptions } from '../../electron/main/security';

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values.join(' ')] as const;
      }),
  );

describe('window options', () => {
  const prefs = windowOptions('/app/preload/index.cjs').webPreferences!;
  it('isolates and sandboxes the page', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
    expect(prefs.preload).toBe('/app/preload/index.cjs');
  });
});

describe('sender and link checks', () => {
  it('trusts only the app origin (and the dev server when given)', () => {
    expect(isAppUrl('app://lianxi/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });
  it('opens no external link that is not allow-listed', () => {
    expect(isAllowedExternal('https://example.com/')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });
});

describe('content security policy', () => {
  const csp = directives(CSP);
  it('allows scripts only from the app itself', () => {
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('script-src')).not.toContain('unsafe');
  });
  it('the source and the built index.html carry the same policy as the protocol header', () => {
    const files = ['renderer/index.html', 'out/renderer/index.html'].filter((f) => existsSync(f));
    expect(files).toContain('renderer/index.html');
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
      expect(meta, `${file} has a CSP meta`).not.toBeNull();
      const inMeta = directives(meta![1]!);
      // frame-ancestors is ignored in <meta>; everything else must match.
      for (const [name, value] of csp)
        if (name !== 'frame-ancestors') expect(inMeta.get(name), `${file}: ${name}`).toBe(value);
    }
  });
});
