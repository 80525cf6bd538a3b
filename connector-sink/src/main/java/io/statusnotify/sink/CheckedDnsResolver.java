package io.statusnotify.sink;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection manager's resolver: resolves a host (IP literals included) and refuses it unless every address is
 * allowed by the {@link DestinationPolicy}. The connection then goes to exactly these addresses, so a second DNS
 * answer cannot swap in another one (no rebinding window).
 */
final class CheckedDnsResolver implements DnsResolver {
    private final DestinationPolicy policy;
    private final DnsResolver system;

    CheckedDnsResolver(DestinationPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    CheckedDnsResolver(DestinationPolicy policy, DnsResolver system) {
        this.policy = policy;
        this.system = system;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = system.resolve(host);
        for (InetAddress address : addresses) {
            // One refused address refuses the host: a name that mixes them is exactly what a rebinding attack uses.
            String refusal = policy.refusal(address).orElse(null);
            if (refusal != null) {
                boolean literal = host.equals(address.getHostAddress());
                throw new DestinationRefusedException(refusal + (literal ? "" : " (resolved from " + host + ")"));
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (InetAddress address : resolve(host)) sockets.add(new InetSocketAddress(address, port));
        return sockets;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return system.resolveCanonicalHostname(host);
    }
}
