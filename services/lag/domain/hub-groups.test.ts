import { hubServiceOf } from './hub-groups';

describe('hubServiceOf', () => {
  const naming = { prefix: '', services: ['api', 'intake', 'dedup', 'case-status'] };

  it.each([
    ['hub.dedup', 'dedup'],
    ['hub.deliveries.13101', 'deliveries'],
    ['hub.case-status', 'case-status'],
    ['dedup', 'dedup'],
    ['hub-intake', 'intake'],
    ['hub-checkpoint-reader-1a2b', null],
    ['reader-x', null],
  ] as const)('Given group %s, When classified, Then service %s', (group, service) => {
    expect(hubServiceOf(group, naming)).toBe(service);
  });

  it('Given a test prefix, When groups of this hub and of another are classified, Then only the prefixed one is a hub service', () => {
    const prefixed = { prefix: 'test.run1.', services: ['dedup'] };
    expect(hubServiceOf('test.run1.hub.dedup', prefixed)).toBe('dedup');
    expect(hubServiceOf('test.run2.hub.dedup', prefixed)).toBeNull();
  });
});
