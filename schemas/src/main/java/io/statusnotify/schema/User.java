package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The seed's {@code user} object. Key casing follows the seed's example message ({@code memberID}). */
@JsonPropertyOrder({"userName", "displayName", "memberID", "userState", "tenantName", "accessType", "extension"})
public record User(
        @JsonProperty("userName") String userName,
        @JsonProperty("displayName") String displayName,
        @JsonProperty("memberID") String memberID,
        @JsonProperty("userState") String userState,
        @JsonProperty("tenantName") String tenantName,
        @JsonProperty("accessType") String accessType,
        @JsonProperty("extension") String extension) {
}
