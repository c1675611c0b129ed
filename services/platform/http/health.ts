/** A named readiness check: resolves when the dependency answers, rejects otherwise. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<void>;
}

export interface HealthReport {
  readonly ok: boolean;
  readonly checks: readonly { name: string; ok: boolean; error?: string }[];
}

/** Runs every check concurrently with a deadline, so one hung dependency cannot hang `/health`. */
export async function runHealthChecks(checks: readonly HealthCheck[], timeoutMs = 2000): Promise<HealthReport> {
  const results = await Promise.all(checks.map(async (c) => {
    try {
      await Promise.race([c.check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref())]);
      return { name: c.name, ok: true };
    } catch (e) {
      // Error text from drivers only: names hosts and codes, never request data.
      return { name: c.name, ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }));
  return { ok: results.every((r) => r.ok), checks: results };
}
