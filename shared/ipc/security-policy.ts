/**
 * The Content-Security-Policy of the app's own pages. The same policy is sent as a header by
 * the Electron protocol handler and the preview server, and written in index.html's meta tag
 * (where scanners look for it). The only difference: the preview page talks to its server
 * over fetch ('self'); the desktop page talks over IPC and may connect nowhere.
 */
export function contentSecurityPolicy(options: { connectSelf: boolean }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${options.connectSelf ? "'self'" : "'none'"}`,
    "object-src 'none'",
    "frame-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
