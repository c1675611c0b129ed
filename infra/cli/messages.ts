/** CLI-wide messages. Each feature keeps its own catalogue next to its commands. */
export const cliMessages = {
  es: {
    'cli.help.title': 'Uso: npx hub <comando> [opciones]\nComandos:',
    'cli.help.lang': 'Para mensajes en inglés: HUB_LANG=en npx hub ...',
    'cli.unknownFlag': 'Opción desconocida: --{flag}',
  },
  en: {
    'cli.help.title': 'Usage: npx hub <command> [options]\nCommands:',
    'cli.help.lang': 'Mensajes en español por defecto; for English set HUB_LANG=en.',
    'cli.unknownFlag': 'Unknown option: --{flag}',
  },
} as const;
