package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The seed's optional {@code room} object; {@code roomID} is a number. */
@JsonPropertyOrder({"roomID", "roomName", "roomDisplayName", "roomType", "roomOwner", "roomExtension", "roomKey"})
public record Room(
        @JsonProperty("roomID") Long roomID,
        @JsonProperty("roomName") String roomName,
        @JsonProperty("roomDisplayName") String roomDisplayName,
        @JsonProperty("roomType") String roomType,
        @JsonProperty("roomOwner") String roomOwner,
        @JsonProperty("roomExtension") String roomExtension,
        @JsonProperty("roomKey") String roomKey) {
}
