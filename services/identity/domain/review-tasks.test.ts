import { aPerson } from '../../../test/builders/identity-corrections';
import { retargetTask, sideBySide, type RetargetView, type TaskState } from './review-tasks';

const task: TaskState = { id: 't', status: 'open', reason: 'grey-zone', recordKey: 'SCHOOL|S1', identityId: 'P', candidateIdentityIds: ['A', 'B'], modelVersion: 'm' };

function view(over: Partial<RetargetView> & { merged?: Record<string, string> } = {}): RetargetView {
  const merged = over.merged ?? {};
  return {
    resolve: (id) => merged[id] ?? id,
    identityOfRecord: () => null,
    isActive: () => true,
    isVetoed: () => false,
    ...over,
  };
}

describe('retargetTask', () => {
  it('Given nothing changed, When re-targeted, Then the task is unchanged', () => {
    expect(retargetTask(task, view())).toEqual({ kind: 'unchanged' });
  });

  it('Given candidate A merged into B, When re-targeted, Then the candidates are B once', () => {
    expect(retargetTask(task, view({ merged: { A: 'B' } }))).toEqual({ kind: 'retargeted', identityId: 'P', candidateIdentityIds: ['B'] });
  });

  it('Given the task\'s record moved to another identity, When re-targeted, Then the task follows its record', () => {
    expect(retargetTask(task, view({ identityOfRecord: () => 'N' }))).toEqual({ kind: 'retargeted', identityId: 'N', candidateIdentityIds: ['A', 'B'] });
  });

  it('Given every candidate retired, vetoed or now the task\'s own identity, When re-targeted, Then the task closes', () => {
    const r = retargetTask(task, view({ isActive: (id) => id !== 'A', isVetoed: (_r, id) => id === 'B' }));
    expect(r).toEqual({ kind: 'closed', identityId: 'P', reason: 'no-candidates-left' });
    expect(retargetTask(task, view({ merged: { A: 'P', B: 'P' } })).kind).toBe('closed');
  });

  it('Given a resolved task, When re-targeted, Then it is left alone', () => {
    expect(retargetTask({ ...task, status: 'resolved' }, view({ merged: { A: 'B' } }))).toEqual({ kind: 'unchanged' });
  });
});

describe('sideBySide', () => {
  it('Given an explanation, When shown, Then each compared field has both records\' values, level and weight', () => {
    const persons = new Map([
      ['SCHOOL|S1', aPerson({ givenNames: 'Camila', paternalSurname: 'Soto', maternalSurname: null })],
      ['HEALTH|H1', aPerson({ givenNames: 'Camila Antonia', paternalSurname: 'Soto', maternalSurname: 'Rojas' })],
    ]);
    const v = sideBySide('SCHOOL|S1', {
      identityId: 'A',
      explanation: { recordKey: 'HEALTH|H1', weight: 6.2, probability: 0.98, rules: ['run-agrees'], fields: [
        { field: 'given', level: 'subset', weight: 3.1 }, { field: 'surnames', level: 'paternal-exact', weight: 4 }, { field: 'unknown-field', level: 'x', weight: 0 },
      ] },
    }, persons);
    expect(v).toEqual({
      identityId: 'A', comparedRecordKey: 'HEALTH|H1', weight: 6.2, probability: 0.98, rules: ['run-agrees'],
      fields: [
        { field: 'given', level: 'subset', weight: 3.1, record: 'Camila', candidate: 'Camila Antonia' },
        { field: 'surnames', level: 'paternal-exact', weight: 4, record: 'Soto / —', candidate: 'Soto / Rojas' },
        { field: 'unknown-field', level: 'x', weight: 0, record: null, candidate: null },
      ],
    });
  });
});
