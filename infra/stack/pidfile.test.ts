import { parsePidFile, isStackProcess, processMarkers, splitProcCmdline, procState, portMarker, markedPort } from './pidfile';

describe('pid files', () => {
  it.each([
    ['1234\n', 1234],
    ['  42  ', 42],
    ['', undefined],
    ['abc', undefined],
    ['12 34', undefined],
    ['-5', undefined],
    ['1', undefined],
    ['99999999999', undefined],
  ])('Given the pid file text %j, When parsed, Then the pid is %p', (text, pid) => {
    expect(parsePidFile(text)).toBe(pid);
  });
});

describe('recognising our processes', () => {
  const argv = ['/usr/bin/java', '-Xmx512m', ...processMarkers('kafka', '/home/a/.hub'), '-cp', 'lib/*', 'kafka.Kafka', 'server.properties'];

  it('Given the command line of a broker we started, When checked, Then it is ours for that component and home only', () => {
    expect(isStackProcess(argv, 'kafka', '/home/a/.hub')).toBe(true);
    expect(isStackProcess(argv, 'registry', '/home/a/.hub')).toBe(false);
    expect(isStackProcess(argv, 'kafka', '/tmp/other-home')).toBe(false);
  });

  it('Given a pid reused by an unrelated program, When checked, Then it is not ours', () => {
    expect(isStackProcess(['/bin/bash', '-l'], 'kafka', '/home/a/.hub')).toBe(false);
    expect(isStackProcess(['java', '-Dhub.stack.component=kafka-extra', '-Dhub.stack.home=/home/a/.hub'], 'kafka', '/home/a/.hub')).toBe(false);
  });

  it('Given raw /proc cmdline bytes, When split, Then arguments keep inner spaces and lose the trailing NUL', () => {
    expect(splitProcCmdline('java\0-Dx=a b\0kafka.Kafka\0')).toEqual(['java', '-Dx=a b', 'kafka.Kafka']);
    expect(splitProcCmdline('java\0\0x\0')).toEqual(['java', '', 'x']);
  });

  it('Given /proc stat lines, When the state is read, Then a command name with spaces and parentheses does not confuse it', () => {
    expect(procState('123 (java) S 1 123 123 0 -1')).toBe('S');
    expect(procState('123 (my (odd) name) Z 1 2')).toBe('Z');
    expect(procState('garbage')).toBeUndefined();
  });
});

describe('port markers', () => {
  it('Given a command line started for port 19092, When read back, Then the port is 19092; without a marker it is unknown', () => {
    expect(markedPort(['java', portMarker(19092), '-jar', 'x.jar'])).toBe(19092);
    expect(markedPort(['java', '-jar', 'x.jar'])).toBeUndefined();
  });
});
