import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  parseWindowState,
  restoreBounds,
  saveWindowState,
  type Rect,
} from '../../src-main/electron/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 };
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

function inside(b: { x?: number; y?: number; width: number; height: number }, area: Rect): boolean {
  return (
    b.x! >= area.x && b.y! >= area.y && b.x! + b.width <= area.x + area.width && b.y! + b.height <= area.y + area.height
  );
}

describe('window state (remembered size and place, clamped to a visible display)', () => {
  it('opens at the default size, centred by Electron, the first time', () => {
    const b = restoreBounds(undefined, [laptop], laptop);
    expect(b).toEqual({ width: DEFAULT_SIZE.width, height: 860, maximized: false });
    expect(b.x).toBeUndefined();
  });

  it('keeps a window that is fully visible exactly where it was', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true };
    expect(restoreBounds(saved, [laptop, monitorRight], laptop)).toEqual({ ...saved.bounds, maximized: true });
  });

  it('moves a window whose monitor was unplugged onto the primary display', () => {
    const saved = { bounds: { x: 2000, y: 200, width: 1200, height: 800 }, maximized: false };
    const b = restoreBounds(saved, [laptop], laptop);
    expect(inside(b, laptop)).toBe(true);
    expect(b).toMatchObject({ x: 120, y: 30, width: 1200, height: 800 });
  });

  it('pulls a window hanging off an edge back inside the display it mostly covers', () => {
    const saved = { bounds: { x: -300, y: 700, width: 1000, height: 700 }, maximized: false };
    const b = restoreBounds(saved, [laptop, monitorRight], laptop);
    expect(inside(b, laptop)).toBe(true);
    expect(b).toMatchObject({ x: 0, y: 160, width: 1000, height: 700 });
  });

  it('shrinks a window larger than its display, but not below the minimum size', () => {
    const saved = { bounds: { x: 1500, y: 0, width: 4000, height: 3000 }, maximized: false };
    const b = restoreBounds(saved, [laptop, monitorRight], laptop);
    expect(b).toMatchObject({ x: 1440, y: 0, width: 2560, height: 1400 });
    const small = restoreBounds(
      { bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false },
      [laptop],
      laptop,
    );
    expect(small).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it('works with displays left of and above the primary one (negative coordinates)', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1040 };
    const saved = { bounds: { x: -1800, y: -150, width: 1000, height: 700 }, maximized: false };
    expect(restoreBounds(saved, [laptop, left], laptop)).toMatchObject(saved.bounds);
  });

  it('ignores a damaged or foreign state file', () => {
    expect(parseWindowState({ bounds: { x: 'a', y: 0, width: 10, height: 10 } })).toBeUndefined();
    expect(parseWindowState({ bounds: { x: 0, y: 0, width: -5, height: 10 } })).toBeUndefined();
    expect(parseWindowState(null)).toBeUndefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-window-'));
    const file = path.join(dir, 'window-state.json');
    fs.writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toBeUndefined();
    saveWindowState(file, { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
