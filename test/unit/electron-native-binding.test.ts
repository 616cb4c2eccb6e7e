import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../src-main/electron/native-binding';
import * as plan from '../../scripts/start-plan.mjs';

describe('which better-sqlite3 binary Electron loads', () => {
  it('uses the copy electron-builder puts in resources/native when packaged', () => {
    const p = nativeBindingPath({
      isPackaged: true,
      resourcesPath: '/Applications/Sales Workbench.app/Contents/Resources',
      appPath: '/x',
      platform: 'darwin',
      arch: 'arm64',
    });
    expect(p).toBe(path.join('/Applications/Sales Workbench.app/Contents/Resources', 'native', 'better_sqlite3.node'));
  });

  it('uses .electron-native/<platform>-<arch> in the project when running from source, never node_modules', () => {
    const p = nativeBindingPath({
      isPackaged: false,
      resourcesPath: '/ignored',
      appPath: '/work/project',
      platform: 'win32',
      arch: 'x64',
    });
    expect(p).toBe(path.join('/work/project', '.electron-native', 'win32-x64', 'better_sqlite3.node'));
    expect(p).not.toContain('node_modules');
  });

  it('agrees with the path the native:electron script writes', () => {
    for (const [platform, arch] of [
      ['linux', 'x64'],
      ['darwin', 'arm64'],
      ['win32', 'ia32'],
    ]) {
      expect(plan.nativeBindingFile('/p', platform, arch)).toBe(
        nativeBindingPath({ isPackaged: false, resourcesPath: '', appPath: '/p', platform, arch }),
      );
    }
  });
});
