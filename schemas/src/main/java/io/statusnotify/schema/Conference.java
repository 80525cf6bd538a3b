package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The seed's optional {@code conference} object. Casing follows the seed's example
 * ({@code conferenceID}, {@code participantId}, {@code routerID}), not its tables.
 */
@JsonPropertyOrder({"uniqueCallID", "callState", "tenantName", "conferenceName", "conferenceType", "conferenceID",
        "participantId", "routerID", "callCompletionCode", "direction", "audioState", "videoState"})
public record Conference(
        @JsonProperty("uniqueCallID") String uniqueCallID,
        @JsonProperty("callState") String callState,
        @JsonProperty("tenantName") String tenantName,
        @JsonProperty("conferenceName") String conferenceName,
        @JsonProperty("conferenceType") String conferenceType,
        @JsonProperty("conferenceID") String conferenceID,
        @JsonProperty("participantId") Long participantId,
        @JsonProperty("routerID") String routerID,
        @JsonProperty("callCompletionCode") String callCompletionCode,
        @JsonProperty("direction") String direction,
        @JsonProperty("audioState") Integer audioState,
        @JsonProperty("videoState") Integer videoState) {
}
