import { Controller, Get, Headers } from '@nestjs/common';
import { pickLang } from '../../platform/i18n/i18n';

const DESCRIPTION = {
  es: 'Hub de integración interinstitucional de la red de protección de la niñez: tribunales, Mejor Niñez (ex SENAME), municipios, escuelas y salud.',
  en: "Interinstitutional integration hub for Chile's child-protection network: courts, Mejor Niñez (formerly SENAME), municipalities, schools and health.",
} as const;

/**
 * `GET /v1`: what this API is, in the caller's language (es-CL unless `Accept-Language: en`).
 * Public by design (docs/security/README.md): a static service index, the same for everyone, with no
 * data about children or institutions; routes that serve such data authenticate.
 */
@Controller('v1')
export class InfoController {
  @Get()
  info(@Headers('accept-language') acceptLanguage?: string): { name: string; version: string; description: string } {
    return { name: 'red-ninez-hub', version: 'v1', description: DESCRIPTION[pickLang(acceptLanguage)] };
  }
}
