/**
 * Subject naming: TopicRecordNameStrategy, `<topic>-<fully.qualified.RecordName>`.
 * A topic may carry several event types (e.g. every tribunal event for a child, in order, on one
 * topic), and compatibility is still checked per topic and per record. See docs/adr/0003.
 */
export function subjectFor(topic: string, recordFullName: string): string {
  return `${topic}-${recordFullName}`;
}
