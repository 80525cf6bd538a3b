package io.statusnotify.topics;

/** Why {@link TopicToEndReader} could not read a topic to its end, other than a failure of Kafka's. */
public final class TopicReadException extends RuntimeException {
    public enum Reason {
        /** The topic does not exist (or this client may not see it). */
        NO_SUCH_TOPIC,
        /** Records stopped coming before the end was reached, for as long as the timeout. */
        NO_RECORDS
    }

    private final String topic;
    private final Reason reason;

    public TopicReadException(String topic, Reason reason) {
        super(reason == Reason.NO_SUCH_TOPIC ? "topic " + topic + " does not exist"
                : "cannot read " + topic + " to its end: no more records came", null, false, false);
        this.topic = topic;
        this.reason = reason;
    }

    public String topic() {
        return topic;
    }

    public Reason reason() {
        return reason;
    }
}
