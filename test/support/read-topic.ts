// Tests read topics with the same reader the CLI uses.
export { readTopicToEnd, type ReadMessage } from '../../services/platform/kafka/read-topic';
