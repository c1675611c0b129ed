/** Polls `GET <url>/health` until it answers 2xx or the deadline passes. Never a fixed sleep. */
export async function waitHealthy(baseUrl: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    if (!isAlive()) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
