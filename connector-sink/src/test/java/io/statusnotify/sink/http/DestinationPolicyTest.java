package io.statusnotify.sink.http;

import io.statusnotify.settings.Settings;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DestinationPolicyTest {
    private final DestinationPolicy defaults = DestinationPolicy.defaults();

    @Test
    void theMetadataAddressIsRefusedAlsoWhenWrittenInsideAnIpv6Address() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("169.254.169.254"))).isPresent();
        assertThat(defaults.refusal(InetAddress.getByName("64:ff9b::a9fe:a9fe")))
                .hasValueSatisfying(reason -> assertThat(reason).contains("carries 169.254.169.254 is in denied range"));
        assertThat(defaults.refusal(InetAddress.getByName("2002:a9fe:a9fe::1"))).isPresent();
        assertThat(defaults.refusal(InetAddress.getByName("::a9fe:a9fe"))).isPresent();
    }

    @Test
    void ordinaryAndPrivateAddressesAndIpv6sOwnLoopbackAreAllowed() throws Exception {
        assertThat(defaults.refusal(InetAddress.getByName("10.1.2.3"))).isEmpty();
        assertThat(defaults.refusal(InetAddress.getByName("64:ff9b::a01:203"))).isEmpty();
        assertThat(defaults.refusal(InetAddress.getByName("::1"))).isEmpty();
        assertThat(defaults.refusal(InetAddress.getByName("2001:db8::1"))).isEmpty();
    }

    @Test
    void anAllowedRangeOpensItsIpv4AddressesInEveryForm() throws Exception {
        DestinationPolicy policy = DestinationPolicy.from(Settings.of(Map.of("SNS_DESTINATION_ALLOW", "169.254.10.0/24")));

        assertThat(policy.refusal(InetAddress.getByName("169.254.10.7"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("64:ff9b::a9fe:a07"))).isEmpty();
        assertThat(policy.refusal(InetAddress.getByName("169.254.11.7"))).isPresent();
    }
}
