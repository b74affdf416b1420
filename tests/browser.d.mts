// Types for browser.mjs (plain JavaScript, so `npm test` can run it before anything is built).
export const CHROMIUM_ARGS: string[];
export interface FinderInputs {
  env?: Readonly<Record<string, string | undefined>>;
  platform?: NodeJS.Platform;
  exists?: (file: string) => boolean;
  playwright?: () => string | null;
}
export function findChromium(inputs?: FinderInputs): string | null;
export interface InstallInputs {
  platform?: NodeJS.Platform;
  isRoot?: boolean;
  exists?: (file: string) => boolean;
}
export function chromiumInstall(inputs?: InstallInputs): { say: string; commands: [string, string[]][] };
export function ensureChromium(): string | null;
