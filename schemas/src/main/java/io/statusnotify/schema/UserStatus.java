package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The body of a notification: the seed's {@code userStatusNotification} object. Only {@code user} is mandatory. */
@JsonPropertyOrder({"user", "room", "conference", "endpoint", "endpointDetails", "gateway", "contextAwareLinking"})
public record UserStatus(
        @JsonProperty("user") User user,
        @JsonProperty("room") Room room,
        @JsonProperty("conference") Conference conference,
        @JsonProperty("endpoint") Endpoint endpoint,
        @JsonProperty("endpointDetails") EndpointDetails endpointDetails,
        @JsonProperty("gateway") Gateway gateway,
        @JsonProperty("contextAwareLinking") ContextAwareLinking contextAwareLinking) {
}
