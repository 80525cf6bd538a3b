package io.statusnotify.sink.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantTagsTest {
    private final TenantTags tags = new TenantTags(2);

    @Test
    void tenantsPastTheCapAreTaggedOther() {
        assertThat(tags.of("a")).isEqualTo("a");
        assertThat(tags.of("b")).isEqualTo("b");

        assertThat(tags.of("c")).isEqualTo(TenantTags.OTHER);
        assertThat(tags.of("a")).isEqualTo("a");
    }

    @Test
    void forgettingANamedTenantFreesItsPlaceForTheNextTenant() {
        tags.of("a");
        tags.of("b");

        assertThat(tags.forget("a")).isTrue();

        assertThat(tags.of("c")).isEqualTo("c");
        assertThat(tags.of("d")).isEqualTo(TenantTags.OTHER);
        assertThat(tags.isNamed("a")).isFalse();
    }

    @Test
    void forgettingATenantCountedAsOtherFreesNothing() {
        tags.of("a");
        tags.of("b");
        tags.of("c");

        assertThat(tags.forget("c")).isFalse();

        assertThat(tags.of("d")).isEqualTo(TenantTags.OTHER);
    }
}
