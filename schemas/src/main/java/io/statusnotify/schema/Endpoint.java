package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The seed's optional {@code endpoint} object ({@code endpointId} as in the example, not {@code endpointID}). */
@JsonPropertyOrder({"endpointType", "endpointPublicIPAddress", "endpointGUID", "endpointId"})
public record Endpoint(
        @JsonProperty("endpointType") String endpointType,
        @JsonProperty("endpointPublicIPAddress") String endpointPublicIPAddress,
        @JsonProperty("endpointGUID") String endpointGUID,
        @JsonProperty("endpointId") String endpointId) {
}
