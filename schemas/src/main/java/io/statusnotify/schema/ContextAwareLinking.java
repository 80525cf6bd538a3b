package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The seed's optional {@code contextAwareLinking} object; type and status are numbers. */
@JsonPropertyOrder({"conferenceId", "externalId", "externalIdType", "connectionStatus"})
public record ContextAwareLinking(
        @JsonProperty("conferenceId") String conferenceId,
        @JsonProperty("externalId") String externalId,
        @JsonProperty("externalIdType") Integer externalIdType,
        @JsonProperty("connectionStatus") Integer connectionStatus) {
}
