import { INTAKE_CONNECTORS } from './connectors';
import { intakeRoutes } from './routes';
import { TRIBUNAL_CONNECTOR } from '../tribunal';

describe('intake routes', () => {
  it('Given the connector specs, When routes are generated, Then courts publish orders at /v1/tribunals/orders and every kind has one route', () => {
    const routes = intakeRoutes(INTAKE_CONNECTORS, { fhir: false });
    const paths = routes.map((r) => r.path);
    expect(paths).toContain('/v1/tribunals/orders');
    expect(paths).toEqual(expect.arrayContaining(['/v1/sename/admissions', '/v1/municipalities/alerts', '/v1/schools/absence-alerts', '/v1/health/newborns']));
    expect(routes).toHaveLength(INTAKE_CONNECTORS.reduce((n, s) => n + s.kinds.length, 0));
    expect(new Set(paths).size).toBe(paths.length);
    const orders = routes.find((r) => r.path === '/v1/tribunals/orders');
    expect(orders?.type === 'record' && orders.kind.kind).toBe('ORDEN_INGRESO');
  });

  it('Given FHIR enabled, When routes are generated, Then POST /v1/health/fhir belongs to the health connector', () => {
    const fhir = intakeRoutes(INTAKE_CONNECTORS, { fhir: true }).find((r) => r.type === 'fhir');
    expect(fhir?.path).toBe('/v1/health/fhir');
    expect(fhir?.spec.institution).toBe('HEALTH');
  });

  it('Given two kinds with the same HTTP path, When routes are generated, Then it refuses at start-up', () => {
    const twice = { ...TRIBUNAL_CONNECTOR, kinds: [TRIBUNAL_CONNECTOR.kinds[0]!, { ...TRIBUNAL_CONNECTOR.kinds[1]!, httpPath: 'orders' }] };
    expect(() => intakeRoutes([twice], { fhir: false })).toThrow('/v1/tribunals/orders');
  });
});
