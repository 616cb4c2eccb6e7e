import type { Database } from 'better-sqlite3';
import type { Settings } from '../../contract/system';
import { accountName } from '../context';

export function getSetting(db: Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function putSetting(db: Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** The user's remembered preferences (language, display name) and the company's name. */
export function readSettings(db: Database): Settings {
  const lang = getSetting(db, 'lang');
  return {
    lang: lang === 'zh-CN' || lang === 'en' ? lang : null,
    companyName: getSetting(db, 'companyName') ?? '',
    displayName: getSetting(db, 'displayName') ?? '',
    accountName: accountName(),
  };
}
