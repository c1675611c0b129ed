import { Controller, Get, Header, Inject } from '@nestjs/common';
import { API_PREFIX } from '../routes';

export const OPENAPI_DOC = Symbol('OPENAPI_DOC');
export const DOCS_PAGE = Symbol('DOCS_PAGE');

/** `GET /v1/openapi.json` and `GET /v1/docs`: public (no credential), built once at start-up. */
@Controller(API_PREFIX.slice(1))
export class OpenApiController {
  constructor(@Inject(OPENAPI_DOC) private readonly doc: object, @Inject(DOCS_PAGE) private readonly page: string) {}

  @Get('openapi.json')
  openapi(): object {
    return this.doc;
  }

  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  docs(): string {
    return this.page;
  }
}
