import { demoMessages } from '../demo/messages';

/** `hub start` / `hub prepare` messages, with the demo's (infra/demo) that `hub start` plays. */
export const supervisorMessages = {
  es: {
    'start.title': 'Iniciando el hub de la red de protección de la niñez…',
    'start.prepare.migrations': '  · Base de datos: aplicando migraciones',
    'start.prepare.topics': '  · Kafka: creando tópicos (idempotente)',
    'start.prepare.schemas': '  · Registro de esquemas: registrando contratos Avro',
    'start.prepared': '  ✓ Preparado: {migrations} migraciones nuevas, {topics} tópicos creados, {subjects} esquemas vigentes',
    'start.service.starting': '  · Servicio {name}: iniciando (registro en {log})',
    'start.service.ready': '  ✓ Servicio {name}: listo en {url}',
    'start.service.failed': '  ✗ Servicio {name}: no respondió en {seconds} s. Revise {log}',
    'start.service.restart': '  ! Servicio {name} terminó (código {code}); se reinicia en {seconds} s',
    'start.running': '\nHub en marcha.\n  API:                 {api}\n  Ingreso de registros: {intake}  (documentación: {intake}/v1/docs)\n  Consola de rezago:   {console}\n  Revisión de identidades: {review}\n  Indicadores:         {indicators}\n  Estado:              npx hub status · npx hub lag\n  Registros:           {logs}\nPresione Ctrl-C para detener.',
    'start.stopping': '\nDeteniendo servicios…',
    'start.stoppingStack': 'Deteniendo Kafka y el registro de esquemas (iniciados por este comando)…',
    'start.stopped': 'Hub detenido.',
    'prepare.done': 'Hub preparado: {migrations} migraciones nuevas, {topics} tópicos creados, {updated} actualizados, {subjects} esquemas registrados.',
    ...demoMessages.es,
  },
  en: {
    'start.title': "Starting the child-protection network hub…",
    'start.prepare.migrations': '  · Database: applying migrations',
    'start.prepare.topics': '  · Kafka: creating topics (idempotent)',
    'start.prepare.schemas': '  · Schema registry: registering Avro contracts',
    'start.prepared': '  ✓ Prepared: {migrations} new migrations, {topics} topics created, {subjects} schemas in force',
    'start.service.starting': '  · Service {name}: starting (log in {log})',
    'start.service.ready': '  ✓ Service {name}: ready at {url}',
    'start.service.failed': '  ✗ Service {name}: no answer within {seconds} s. See {log}',
    'start.service.restart': '  ! Service {name} exited (code {code}); restarting in {seconds} s',
    'start.running': '\nHub running.\n  API:             {api}\n  Record intake:   {intake}  (documentation: {intake}/v1/docs)\n  Lag console:     {console}\n  Identity review: {review}\n  Indicators:      {indicators}\n  Status:          npx hub status · npx hub lag\n  Logs:            {logs}\nPress Ctrl-C to stop.',
    'start.stopping': '\nStopping services…',
    'start.stoppingStack': 'Stopping Kafka and the schema registry (started by this command)…',
    'start.stopped': 'Hub stopped.',
    'prepare.done': 'Hub prepared: {migrations} new migrations, {topics} topics created, {updated} updated, {subjects} schemas registered.',
    ...demoMessages.en,
  },
} as const;
