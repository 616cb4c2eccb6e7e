// Types of start-plan.mjs, for the unit tests that import it.
export declare const MIRROR_HINT_URL: string;
export declare const NATIVE_DIR: string;
export declare const NATIVE_FILE: string;
export declare const NATIVE_STAMP: string;
export declare const BUILD_OUTPUTS: string[];
export declare const BUILD_INPUTS: string[];
export declare const NODE_BUILD_OUTPUTS: string[];
export declare const NODE_BUILD_INPUTS: string[];
export interface Versions {
  electron: string;
  betterSqlite3: string;
}
export declare function versions(root: string): Versions;
export declare function electronBinary(root: string, env?: NodeJS.ProcessEnv, platform?: string): string | undefined;
export declare function electronArch(
  platform: string,
  arch: string,
  env?: NodeJS.ProcessEnv,
  rosetta?: boolean,
): string;
export declare function nativeBindingFile(root: string, platform: string, arch: string): string;
export declare function nativeBindingIsCurrent(root: string, platform: string, arch: string, wanted: Versions): boolean;
export declare function buildIsStale(root: string, outputs?: string[], inputs?: string[]): boolean;
export declare function messageLang(env?: NodeJS.ProcessEnv): 'zh-CN' | 'en';
export declare function fallbackLine(lang: 'zh-CN' | 'en', what: 'electron' | 'native', reason?: string): string;
export declare function lastReason(text: string | undefined): string;
export interface NativeArgs {
  platform: string;
  arch: string;
  archs: string[];
  force: boolean;
  verbose: boolean;
}
export declare function parseNativeArgs(argv: string[], host?: { platform: string; arch: string }): NativeArgs;
export declare function browserCommand(
  platform: string,
  url: string,
  env?: NodeJS.ProcessEnv,
): [string, string[]] | undefined;
export declare function workbenchUrl(text: string): string | undefined;
