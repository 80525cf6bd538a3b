package io.statusnotify.sink.http;

import java.net.UnknownHostException;

/**
 * A destination address the policy refuses. An {@link UnknownHostException} because that is what a DNS resolver may
 * throw; the sink treats it as final (retrying would resolve to the same refused address).
 */
public final class DestinationRefusedException extends UnknownHostException {
    public static final String CAUSE = "destination-refused";

    DestinationRefusedException(String why) {
        super(CAUSE + ": " + why);
    }
}
