import { Controller, Get, Header, Inject, Redirect } from '@nestjs/common';

export const CONSOLE_ASSETS = Symbol('CONSOLE_ASSETS');

/** The console's three static files, read once at start (no build step, no CDN). */
export interface ConsoleAssets {
  readonly html: string;
  readonly js: string;
  readonly css: string;
}

/**
 * The operators' console: a static page that polls /v1/lag. It shows group and topic names and
 * numbers only, never personal data (docs/adr/0009 explains why it needs no credential).
 */
@Controller()
export class ConsoleController {
  constructor(@Inject(CONSOLE_ASSETS) private readonly assets: ConsoleAssets) {}

  @Get()
  @Redirect('/console', 302)
  root(): void {}

  @Get('console')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  @Header('content-security-policy', "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'")
  page(): string {
    return this.assets.html;
  }

  @Get('console/console.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-cache')
  script(): string {
    return this.assets.js;
  }

  @Get('console/console.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'no-cache')
  style(): string {
    return this.assets.css;
  }
}
