/** The processes `hub stack up/down` manages. PostgreSQL is only checked, never started or stopped. */
export type ManagedComponent = 'kafka' | 'registry';
export type StackComponent = ManagedComponent | 'postgres';

/**
 * What the stack is doing, so the CLI can print one progress line per step (in Spanish) while a
 * first run downloads for minutes. Discriminated on `kind`.
 */
export type StackProgress =
  | { readonly kind: 'checking'; readonly component: StackComponent }
  | { readonly kind: 'already-running'; readonly component: StackComponent; readonly address: string }
  | { readonly kind: 'downloading'; readonly component: ManagedComponent; readonly version: string; readonly cacheDir: string }
  | { readonly kind: 'downloaded'; readonly component: ManagedComponent; readonly ms: number }
  | { readonly kind: 'formatting'; readonly component: 'kafka'; readonly dataDir: string }
  | { readonly kind: 'starting'; readonly component: ManagedComponent; readonly pid: number; readonly log: string }
  | { readonly kind: 'ready'; readonly component: ManagedComponent; readonly address: string; readonly ms: number }
  | { readonly kind: 'stale-pid'; readonly component: ManagedComponent; readonly pid: number }
  | { readonly kind: 'stopping'; readonly component: ManagedComponent; readonly pid: number }
  | { readonly kind: 'killed'; readonly component: ManagedComponent; readonly pid: number }
  | { readonly kind: 'stopped'; readonly component: ManagedComponent; readonly pid: number };
