import { parseJavaMajor } from './java';

describe('parseJavaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17],
    ['openjdk version "25.0.3" 2026-04-21 LTS', 25],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['Picked up JAVA_TOOL_OPTIONS: -Xss1m\nopenjdk version "21.0.2-ea" 2024-01-16', 21],
    ['bash: java: command not found', undefined],
  ])('Given `java -version` printing %j, When parsed, Then the major version is %p', (output, major) => {
    expect(parseJavaMajor(output)).toBe(major);
  });
});
