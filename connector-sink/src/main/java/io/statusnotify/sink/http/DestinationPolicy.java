package io.statusnotify.sink.http;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the sink may connect to, checked on every resolved address. Denied: link-local, the cloud
 * metadata addresses and 0.0.0.0/8, plus {@code SNS_DESTINATION_DENY}; allowed: everything else (private ranges
 * too: portals often notify servers on their own network). An address in {@code SNS_DESTINATION_ALLOW} is allowed
 * even inside a denied range.
 */
public record DestinationPolicy(List<Cidr> deny, List<Cidr> allow) {
    static final String DENY = "SNS_DESTINATION_DENY";
    static final String ALLOW = "SNS_DESTINATION_ALLOW";
    static final List<Cidr> DEFAULT_DENY = List.of(Cidr.parse("169.254.0.0/16"), Cidr.parse("fe80::/10"),
            Cidr.parse("100.100.100.200/32"), Cidr.parse("fd00:ec2::254/128"), Cidr.parse("0.0.0.0/8"));

    public static DestinationPolicy from(Settings settings) {
        List<Cidr> deny = new ArrayList<>(DEFAULT_DENY);
        deny.addAll(ranges(settings, DENY));
        return new DestinationPolicy(List.copyOf(deny), ranges(settings, ALLOW));
    }

    public static DestinationPolicy defaults() {
        return new DestinationPolicy(DEFAULT_DENY, List.of());
    }

    /**
     * Why {@code address} is refused, or empty when it may be connected to. An IPv6 address that carries an IPv4
     * one (NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}, IPv4-compatible {@code ::a.b.c.d}) is also judged by
     * that IPv4 address, which is where such a connection ends up.
     */
    Optional<String> refusal(InetAddress address) {
        Optional<String> direct = judge(address);
        if (direct.isPresent()) return direct;
        return embeddedIpv4(address).flatMap(this::judge)
                .map(reason -> address.getHostAddress() + " carries " + reason);
    }

    private Optional<String> judge(InetAddress address) {
        if (allow.stream().anyMatch(range -> range.contains(address))) return Optional.empty();
        return deny.stream().filter(range -> range.contains(address)).findFirst()
                .map(range -> address.getHostAddress() + " is in denied range " + range);
    }

    static Optional<InetAddress> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) return Optional.empty();
        byte[] b = address.getAddress();
        byte[] v4 = null;
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zeros(b, 4, 12)) {
            v4 = Arrays.copyOfRange(b, 12, 16);
        } else if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6);
        } else if (zeros(b, 0, 12) && !zeros(b, 12, 15)) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (not :: or ::1, which are IPv6's own)
        }
        try {
            return v4 == null ? Optional.empty() : Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) return false;
        }
        return true;
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
