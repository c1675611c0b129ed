import { mayManage } from './access';

describe('subscription access', () => {
  it('Given a municipality credential for 13101, When it manages 13101, Then OK', () => {
    expect(mayManage({ institution: 'MUNICIPALITY', scope: '13101' }, '13101')).toBe('OK');
  });
  it('Given a municipality credential for 13101, When it manages 13120, Then forbidden', () => {
    expect(mayManage({ institution: 'MUNICIPALITY', scope: '13101' }, '13120')).toBe('FORBIDDEN_COMUNA');
    expect(mayManage({ institution: 'MUNICIPALITY', scope: '*' }, '13120')).toBe('FORBIDDEN_COMUNA');
  });
  it('Given a school credential, When it manages any comuna, Then forbidden institution', () => {
    expect(mayManage({ institution: 'SCHOOL', scope: '13101' }, '13101')).toBe('FORBIDDEN_INSTITUTION');
  });
});
