package io.statusnotify.sink;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the sink may connect to, checked on every resolved address. Denied: link-local, the cloud
 * metadata addresses and 0.0.0.0/8, plus {@code SNS_DESTINATION_DENY}; allowed: everything else (private ranges
 * too: portals often notify servers on their own network). An address in {@code SNS_DESTINATION_ALLOW} is allowed
 * even inside a denied range.
 */
record DestinationPolicy(List<Cidr> deny, List<Cidr> allow) {
    static final String DENY = "SNS_DESTINATION_DENY";
    static final String ALLOW = "SNS_DESTINATION_ALLOW";
    static final List<Cidr> DEFAULT_DENY = List.of(Cidr.parse("169.254.0.0/16"), Cidr.parse("fe80::/10"),
            Cidr.parse("100.100.100.200/32"), Cidr.parse("fd00:ec2::254/128"), Cidr.parse("0.0.0.0/8"));

    static DestinationPolicy from(Settings settings) {
        List<Cidr> deny = new ArrayList<>(DEFAULT_DENY);
        deny.addAll(ranges(settings, DENY));
        return new DestinationPolicy(List.copyOf(deny), ranges(settings, ALLOW));
    }

    static DestinationPolicy defaults() {
        return new DestinationPolicy(DEFAULT_DENY, List.of());
    }

    /** Why {@code address} is refused, or empty when it may be connected to. */
    Optional<String> refusal(InetAddress address) {
        if (allow.stream().anyMatch(range -> range.contains(address))) return Optional.empty();
        return deny.stream().filter(range -> range.contains(address)).findFirst()
                .map(range -> address.getHostAddress() + " is in denied range " + range);
    }

    private static List<Cidr> ranges(Settings settings, String name) {
        String value = settings.string(name, null);
        if (value == null) return List.of();
        List<Cidr> ranges = new ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) continue;
            try {
                ranges.add(Cidr.parse(part));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(name + ": " + e.getMessage());
            }
        }
        return List.copyOf(ranges);
    }
}
