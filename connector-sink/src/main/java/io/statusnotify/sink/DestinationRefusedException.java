package io.statusnotify.sink;

import java.net.UnknownHostException;

/**
 * A destination address the policy refuses. An {@link UnknownHostException} because that is what a DNS resolver may
 * throw; the sink treats it as final (retrying would resolve to the same refused address).
 */
final class DestinationRefusedException extends UnknownHostException {
    static final String CAUSE = "destination-refused";

    DestinationRefusedException(String why) {
        super(CAUSE + ": " + why);
    }
}
