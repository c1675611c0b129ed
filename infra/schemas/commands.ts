import type { CliContext, Command, ParsedArgs } from '../cli/command';
import { bundleAll, type BundledSchema } from '../../schemas/tools/bundler';
import { compareWithReleased, findDrift } from '../../schemas/tools/checks';
import { generateAll, type GeneratedFile } from '../../schemas/tools/generator';
import { loadSources } from '../../schemas/tools/loader';
import { readReleased, releasedContent, releasedFileName, writeReleased } from '../../schemas/tools/released';
import { describeSchemaError, reportDrift, reportReleaseCheck } from './report';
import { readGeneratedFiles, readSourceFiles, schemaPaths, writeGeneratedFiles, type SchemaPaths } from '../../schemas/tools/workspace';

/**
 * `hub schemas generate | check | release`. `check` is what CI runs (`npm run gen:check`): it
 * fails when generated code lags behind the `.avsc` sources or when a schema can no longer read
 * data written with its released version.
 */
export function createSchemaCommands(paths: SchemaPaths = schemaPaths()): readonly Command[] {
  const load = (): { files: readonly GeneratedFile[]; bundles: readonly BundledSchema[] } => {
    const set = loadSources(readSourceFiles(paths.avro));
    return { files: generateAll(set), bundles: bundleAll(set) };
  };

  const generate: Command = {
    path: ['schemas', 'generate'],
    summary: { es: 'Genera los tipos TypeScript de schemas/generated desde los .avsc', en: 'Generate TypeScript types in schemas/generated from the .avsc files' },
    run: guarded(async (_args, ctx) => {
      const { files, bundles } = load();
      const { written, removed } = writeGeneratedFiles(paths.generated, files);
      for (const path of written) ctx.out(ctx.t('schemas.generate.written', { path }));
      for (const path of removed) ctx.out(ctx.t('schemas.generate.removed', { path }));
      ctx.out(ctx.t('schemas.generate.summary',
        { count: files.length, sources: bundles.length, written: written.length, removed: removed.length }));
      return 0;
    }),
  };

  const check: Command = {
    path: ['schemas', 'check'],
    summary: { es: 'Verifica que el código generado esté al día y que los esquemas sean compatibles con released/', en: 'Check generated code is up to date and schemas are compatible with released/' },
    run: guarded(async (_args, ctx) => {
      const { files, bundles } = load();
      const upToDate = reportDrift(ctx, findDrift(files, readGeneratedFiles(paths.generated)), files.length);
      const compatible = reportReleaseCheck(ctx, compareWithReleased(bundles, readReleased(paths.released)));
      if (upToDate && compatible) {
        ctx.out(ctx.t('schemas.check.ok', { count: bundles.length }));
        return 0;
      }
      ctx.err(ctx.t('schemas.check.failed'));
      return 1;
    }),
  };

  const release: Command = {
    path: ['schemas', 'release'],
    usage: '[--force]',
    summary: { es: 'Copia los esquemas actuales a schemas/released (al publicar una versión)', en: 'Copy the current schemas to schemas/released (when cutting a release)' },
    run: guarded(async (args, ctx) => {
      const { bundles } = load();
      const released = readReleased(paths.released);
      const compatible = reportReleaseCheck(ctx, compareWithReleased(bundles, released));
      if (!compatible && args.flags['force'] !== true) {
        ctx.err(ctx.t('schemas.release.refused'));
        return 1;
      }
      let written = 0;
      for (const bundle of bundles) {
        const file = releasedFileName(bundle);
        const previous = released.get(file);
        const unchanged = previous !== undefined && `${JSON.stringify(previous, null, 2)}\n` === releasedContent(bundle);
        if (!unchanged) { writeReleased(paths.released, bundle); written++; }
        ctx.out(ctx.t(previous === undefined ? 'schemas.release.new' : unchanged ? 'schemas.release.unchanged' : 'schemas.release.updated', { file }));
      }
      ctx.out(ctx.t(written > 0 ? 'schemas.release.summary' : 'schemas.release.nothing', { written, count: bundles.length }));
      return 0;
    }),
  };

  return [generate, check, release];
}

/** Turns a SchemaError into a translated message and exit code 1, instead of a stack trace. */
function guarded(run: (args: ParsedArgs, ctx: CliContext) => Promise<number>): Command['run'] {
  return async (args, ctx) => {
    try {
      return await run(args, ctx);
    } catch (err) {
      ctx.err(describeSchemaError(ctx, err));
      return 1;
    }
  };
}

export const schemaCommands: readonly Command[] = createSchemaCommands();
