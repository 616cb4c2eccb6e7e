import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nativeBindingPath } from '../../src-main/electron/native-binding';
import * as plan from '../../scripts/start-plan.mjs';

const root = path.resolve(__dirname, '../..');
// electron-builder's own YAML reader (a dependency of electron-builder)
const yaml = createRequire(path.join(root, 'node_modules/app-builder-lib/package.json'))('js-yaml') as {
  load(text: string): unknown;
};

interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  npmRebuild: boolean;
  directories: { output: string; buildResources: string };
  win: { target: Array<{ target: string; arch: string[] }>; icon: string; extraResources: FileSet[] };
  nsis: Record<string, unknown>;
  mac: { target: Array<{ target: string; arch: string[] }>; icon: string; extraResources: FileSet[] };
  dmg: Record<string, unknown>;
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  productName: string;
  main: string;
  scripts: Record<string, string>;
};
const expand = (pattern: string, arch: string) => pattern.replace('${arch}', arch);

describe('installers (electron-builder.yml)', () => {
  it('sets the security fuses: no Node mode, app only from an asar whose integrity is checked, no extra file:// rights', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names the app as package.json does and never rebuilds native modules in node_modules', () => {
    expect(config.appId).toBe('com.saleswb.workbench');
    expect(config.productName).toBe(pkg.productName);
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', 'package.json', '!node_modules/better-sqlite3/build/**']),
    );
  });

  it('ships the Electron-ABI better-sqlite3 from where native:electron stores it to where main loads it', () => {
    const packaged = nativeBindingPath({ isPackaged: true, resourcesPath: 'RES', appPath: '', platform: '', arch: '' });
    const cases: Array<[FileSet[], string, string]> = [
      [config.win.extraResources, 'win32', 'x64'],
      [config.mac.extraResources, 'darwin', 'x64'],
      [config.mac.extraResources, 'darwin', 'arm64'],
    ];
    for (const [sets, platform, arch] of cases) {
      expect(sets).toHaveLength(1);
      expect(path.join(root, expand(sets[0].from, arch))).toBe(plan.nativeBindingFile(root, platform, arch));
      expect(path.join('RES', sets[0].to)).toBe(packaged);
    }
    // dist scripts prepare exactly the architectures the targets pack
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(pkg.scripts['dist:win']).toContain('--platform win32 --arch x64');
    expect(pkg.scripts['dist:mac']).toContain('--platform darwin --arch universal');
  });

  it('asks the Windows installer where to install, per user', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
    });
    expect(String(config.nsis.artifactName)).toContain('${version}');
    expect(String(config.dmg.artifactName)).toContain('${arch}');
  });

  it('has the icons it names: a 512 px PNG, a Windows .ico up to 256 px and a macOS .icns', () => {
    const png = fs.readFileSync(path.join(root, 'resources/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = fs.readFileSync(path.join(root, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    const icns = fs.readFileSync(path.join(root, config.mac.icon));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    for (const f of [config.nsis.installerIcon, config.nsis.uninstallerIcon])
      expect(fs.existsSync(path.join(root, String(f)))).toBe(true);
  });

  // After `npm run build` (out/main is electron-vite's); the integration tests' CLI build makes out/node alone.
  it.skipIf(!fs.existsSync(path.join(root, 'out/main')))('packs a build with every entry Electron needs', () => {
    for (const rel of [pkg.main, ...plan.BUILD_OUTPUTS]) expect(fs.existsSync(path.join(root, rel)), rel).toBe(true);
  });
});
