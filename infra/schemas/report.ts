import type { CliContext } from '../cli/command';
import type { Drift, ReleaseCheck } from '../../schemas/tools/checks';
import { SchemaError } from '../../schemas/tools/schema-error';

/** Prints how `schemas/generated/` drifted, on stderr; returns whether it is up to date. */
export function reportDrift(ctx: CliContext, drift: readonly Drift[], fileCount: number): boolean {
  if (drift.length === 0) {
    ctx.out(ctx.t('schemas.check.driftOk', { count: fileCount }));
    return true;
  }
  ctx.err(ctx.t('schemas.check.driftTitle'));
  for (const d of drift) {
    ctx.err(ctx.t(`schemas.check.${d.kind}`, d.kind === 'changed' ? { path: d.path, line: d.line } : { path: d.path }));
    if (d.kind === 'changed') {
      ctx.err(ctx.t('schemas.check.expected', { text: d.expected.trim() }));
      ctx.err(ctx.t('schemas.check.found', { text: d.actual.trim() }));
    }
  }
  ctx.err(ctx.t('schemas.check.driftHint'));
  return false;
}

/** Prints each schema's compatibility with its released version; returns whether all are compatible. */
export function reportReleaseCheck(ctx: CliContext, check: ReleaseCheck): boolean {
  let ok = true;
  for (const { file, fullName, result } of check.comparisons) {
    if (result === undefined) ctx.out(ctx.t('schemas.check.unreleased', { name: fullName }));
    else if (result.compatible) ctx.out(ctx.t('schemas.check.compatible', { name: fullName, file }));
    else {
      ok = false;
      ctx.err(ctx.t('schemas.check.incompatible', { name: fullName, file }));
      for (const i of result.incompatibilities) {
        const reason = ctx.t(`schemas.compat.${i.code}`, i.params);
        ctx.err(ctx.t('schemas.check.reason', { direction: i.direction, path: i.path, reason }));
      }
    }
  }
  for (const file of check.orphaned) ctx.err(ctx.t('schemas.check.orphaned', { file }));
  if (!ok) ctx.err(ctx.t('schemas.check.incompatibleHint'));
  return ok;
}

/** A SchemaError in the reader's language; anything else is a bug and is rethrown to the CLI. */
export function describeSchemaError(ctx: CliContext, err: unknown): string {
  if (!(err instanceof SchemaError)) throw err;
  const text = ctx.t(`schemas.error.${err.code}`, err.params);
  const hint = err.params['hint'];
  return hint ? `${text} ${ctx.t('schemas.error.didYouMean', { hint })}` : text;
}
