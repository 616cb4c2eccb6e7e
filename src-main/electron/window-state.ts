import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Kept free of the 'electron' import so that the clamping rules run under vitest.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Where and how large the window opens; x/y absent means "let Electron centre it". */
interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1360, height: 860 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
export const STATE_FILE = 'window-state.json';

const finite = z.number().finite();
const stateSchema = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }),
  maximized: z.boolean().default(false),
});

export function parseWindowState(raw: unknown): WindowState | undefined {
  const parsed = stateSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(Math.max(value, lo), Math.max(lo, hi));
}

/**
 * Places a remembered window on the display it overlaps most, shrunk to fit that display's work area
 * and moved fully inside it. A window whose display is gone (a laptop undocked from its monitor)
 * comes back centred on the primary display instead of opening off-screen.
 */
export function restoreBounds(
  saved: WindowState | undefined,
  workAreas: readonly Rect[],
  primary: Rect,
): InitialBounds {
  const fit = (area: Rect, width: number, height: number) => ({
    width: Math.round(clamp(width, Math.min(MIN_SIZE.width, area.width), area.width)),
    height: Math.round(clamp(height, Math.min(MIN_SIZE.height, area.height), area.height)),
  });
  if (!saved) return { ...fit(primary, DEFAULT_SIZE.width, DEFAULT_SIZE.height), maximized: false };

  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const a = overlapArea(saved.bounds, area);
    if (a > bestArea) {
      best = area;
      bestArea = a;
    }
  }
  if (!best) {
    const size = fit(primary, saved.bounds.width, saved.bounds.height);
    return {
      x: Math.round(primary.x + (primary.width - size.width) / 2),
      y: Math.round(primary.y + (primary.height - size.height) / 2),
      ...size,
      maximized: saved.maximized,
    };
  }
  const size = fit(best, saved.bounds.width, saved.bounds.height);
  return {
    x: Math.round(clamp(saved.bounds.x, best.x, best.x + best.width - size.width)),
    y: Math.round(clamp(saved.bounds.y, best.y, best.y + best.height - size.height)),
    ...size,
    maximized: saved.maximized,
  };
}

export function loadWindowState(file: string): WindowState | undefined {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Best effort: losing the window position is never worth an error dialog. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state, null, 2));
    fs.renameSync(tmp, file);
  } catch {
    // ignored on purpose
  }
}
