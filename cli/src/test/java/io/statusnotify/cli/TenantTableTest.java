package io.statusnotify.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tenant list}'s text table: long values widen their column rather than push the row out of line. */
class TenantTableTest {

    private static TenantView tenant(String name, String username, String password, String url) {
        return new TenantView(name, true, url, username, password, null, null, TenantView.NOT_SET, TenantView.NOT_SET,
                TenantView.NOT_SET, TenantView.NOT_SET);
    }

    private static List<String> printed(List<TenantView> tenants) {
        StringWriter text = new StringWriter();
        TenantView.printTable(new PrintWriter(text, true), tenants);
        return text.toString().lines().toList();
    }

    @Test
    void everyColumnStartsAtTheSameOffsetWhateverTheLengthOfTheValues() {
        // given a long key id, a long tenant name, a long user name and a long URL among short ones
        List<TenantView> tenants = List.of(
                tenant("acme", "portal", "sealed (key k1)", "https://a.example/sns"),
                tenant("a-tenant-with-a-rather-long-name-indeed", "portal", TenantView.CLEAR_TEXT, "https://b.example/sns"),
                tenant("globex", "integration-user-for-globex", "sealed (key some-long-key-id-2026-11-25)",
                        "https://notify.globex.example/a/very/long/path/to/the/status/notification/endpoint"),
                tenant("initech", null, TenantView.NOT_SET, null));

        // when
        List<String> lines = printed(tenants);

        // then the values of each column start where its header does, on every line
        assertThat(lines).hasSize(5);
        String header = lines.get(0);
        assertThat(header).startsWith("TENANT ");
        for (int row = 0; row < tenants.size(); row++) {
            TenantView tenant = tenants.get(row);
            String line = lines.get(row + 1);
            assertThat(line.indexOf(" true ") + 1).as(line).isEqualTo(header.indexOf("ENABLED"));
            assertThat(line.substring(header.indexOf("USERNAME"))).as(line)
                    .startsWith(tenant.username() == null ? "- " : tenant.username() + " ");
            assertThat(line.substring(header.indexOf("PASSWORD"))).as(line).startsWith(tenant.password() + " ");
            assertThat(line.substring(header.indexOf("SERVER URL"))).as(line)
                    .isEqualTo(tenant.serverUrl() == null ? "-" : tenant.serverUrl());
        }
    }

    @Test
    void noLineEndsInSpacesAndColumnsAreNoWiderThanTheirLongestValue() {
        List<String> lines = printed(List.of(tenant("acme", "portal", "sealed (key k1)", "https://a.example/sns")));

        assertThat(lines).containsExactly(
                "TENANT  ENABLED  USERNAME  PASSWORD         SERVER URL",
                "acme    true     portal    sealed (key k1)  https://a.example/sns");
    }

    @Test
    void withoutTenantsOnlyTheHeaderIsPrinted() {
        assertThat(printed(List.of())).containsExactly("TENANT  ENABLED  USERNAME  PASSWORD  SERVER URL");
    }
}
