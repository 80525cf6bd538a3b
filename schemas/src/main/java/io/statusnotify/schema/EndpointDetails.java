package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The seed's optional {@code endpointDetails} object ({@code applicationOs} as in the example). */
@JsonPropertyOrder({"applicationName", "applicationVersion", "applicationOs", "deviceModel", "referenceNumber"})
public record EndpointDetails(
        @JsonProperty("applicationName") String applicationName,
        @JsonProperty("applicationVersion") String applicationVersion,
        @JsonProperty("applicationOs") String applicationOs,
        @JsonProperty("deviceModel") String deviceModel,
        @JsonProperty("referenceNumber") String referenceNumber) {
}
