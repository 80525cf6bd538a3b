package io.statusnotify.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuUseTest {

    @Test
    void aPhasesCpuIsTheDifferenceOfTwoSnapshots() {
        CpuUse before = new CpuUse(1.5, 10.0, 3.25);
        CpuUse after = new CpuUse(13.75, 14.5, 9.0);

        assertThat(after.minus(before)).isEqualTo(new CpuUse(12.25, 4.5, 5.75));
    }

    @Test
    void cpuPerDeliveryIsInMilliseconds() {
        assertThat(CpuUse.perDeliveryMs(12.5, 100_000)).isEqualTo(0.125);
        assertThat(CpuUse.perDeliveryMs(3, 0)).isZero();
    }
}
