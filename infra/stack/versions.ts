/**
 * Versions of the third-party servers the embedded stack runs. The cache directory is keyed on
 * them, so changing a version here downloads the new one next to the old, never over it.
 */

/** Newest 3.9.x on Maven Central (3.9 is the last line with the reload4j logging binding we configure). */
export const KAFKA_VERSION = '3.9.2';
export const SCALA_BINARY_VERSION = '2.13';

/**
 * Newest Apicurio Registry 3.x whose runnable tarball (`:tar.gz:all`) resolves from Maven Central.
 * Its classes target Java 21, so it runs on a second JDK (see java.ts), not on the default Java 17.
 */
export const APICURIO_VERSION = '3.3.3';

/** maven-dependency-plugin used for `copy-dependencies` (Kafka) and `copy` (Apicurio). */
export const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

/** Java majors each server accepts. Kafka 3.9 is tested on 17..23; Apicurio 3.3 needs 21+. */
export const KAFKA_JAVA_RANGE = { min: 17, max: 23 } as const;
export const REGISTRY_JAVA_RANGE = { min: 21, max: 99 } as const;
