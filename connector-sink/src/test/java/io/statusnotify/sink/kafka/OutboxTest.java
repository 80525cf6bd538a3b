package io.statusnotify.sink.kafka;

import io.statusnotify.schema.DeliveryReceipt;
import io.statusnotify.schema.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTest {

    @Test
    void receiptsAreWrittenExactlyAsTheContractRecordSerialises() {
        DeliveryReceipt delivered = new DeliveryReceipt("acme", "acme/42", 123L, "delivered", 1, 204, null, 12L, 1_764_080_000_000L);
        DeliveryReceipt odd = new DeliveryReceipt("a\"b\\c", null, null, "dropped", 0, null, "tenant-disabled\n", null, 5L);

        assertThat(new String(Outbox.receiptJson(delivered), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(delivered), StandardCharsets.UTF_8));
        assertThat(new String(Outbox.receiptJson(odd), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.write(odd), StandardCharsets.UTF_8));
        assertThat(Json.read(Outbox.receiptJson(odd), DeliveryReceipt.class)).isEqualTo(odd);
    }
}
