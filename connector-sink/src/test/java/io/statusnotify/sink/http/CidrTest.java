package io.statusnotify.sink.http;

import io.statusnotify.settings.Settings;
import io.statusnotify.settings.SettingsException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CidrTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void rangesMatchByPrefixForIpv4AndIpv6() throws Exception {
        assertThat(Cidr.parse("169.254.0.0/16").contains(ip("169.254.169.254"))).isTrue();
        assertThat(Cidr.parse("169.254.0.0/16").contains(ip("169.255.0.1"))).isFalse();
        assertThat(Cidr.parse("fe80::/10").contains(ip("febf::1"))).isTrue();
        assertThat(Cidr.parse("fe80::/10").contains(ip("fec0::1"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains(ip("::1"))).isFalse();
        assertThat(Cidr.parse("100.100.100.200").contains(ip("100.100.100.200"))).isTrue();
    }

    @Test
    void theDefaultPolicyRefusesMetadataAndLinkLocalIncludingIpv4MappedFormsAndAllowsPrivateRanges() throws Exception {
        DestinationPolicy policy = DestinationPolicy.defaults();

        assertThat(policy.refusal(ip("fd00:ec2::254"))).contains("fd00:ec2:0:0:0:0:0:254 is in denied range fd00:ec2::254/128");
        assertThat(policy.refusal(ip("::ffff:169.254.169.254"))).isPresent();
        assertThat(policy.refusal(ip("0.0.0.0"))).isPresent();
        assertThat(policy.refusal(ip("10.1.2.3"))).isEmpty();
        assertThat(policy.refusal(ip("192.168.1.1"))).isEmpty();
        assertThat(policy.refusal(ip("fd12::1"))).isEmpty();
    }

    @Test
    void aBadRangeIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> DestinationPolicy.from(Settings.of(Map.of("SNS_DESTINATION_DENY", "10.0.0.0/8,intranet.example"))))
                .isInstanceOf(SettingsException.class)
                .hasMessage("SNS_DESTINATION_DENY: 'intranet.example' is not an IPv4 or IPv6 range such as 10.0.0.0/8 or fd00::/8");
        assertThatThrownBy(() -> DestinationPolicy.from(Settings.of(Map.of("SNS_DESTINATION_ALLOW", "10.0.0.0/33"))))
                .hasMessage("SNS_DESTINATION_ALLOW: '10.0.0.0/33' needs a prefix length between 0 and 32");
    }
}
