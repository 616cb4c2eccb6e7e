/**
 * Crash points for the recovery tests (issue 17): WORKBENCH_TEST_KILL_AT names one, e.g.
 * `restore-copy:8192` (killed once 8,192 bytes of a restore are copied) or `backup-written`.
 * The process then dies at once with SIGKILL, as a power cut or a killed process would, so that the
 * tests can check what the next start finds. Unset, these calls cost one comparison.
 */
const spec = process.env.WORKBENCH_TEST_KILL_AT ?? '';
const [point, at] = spec.split(':');
const bytes = at === undefined ? undefined : Number(at);

export function killPoint(name: string, written?: number): void {
  if (!spec || name !== point) return;
  if (bytes !== undefined && (written === undefined || written < bytes)) return;
  process.kill(process.pid, 'SIGKILL');
}
