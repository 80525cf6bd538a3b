package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * What the portal produces to {@code portal.user-status}: the seed's {@code userStatusNotification} fields plus an
 * optional {@code eventTimestamp} (epoch milliseconds).
 */
@JsonPropertyOrder({"user", "room", "conference", "endpoint", "endpointDetails", "gateway", "contextAwareLinking",
        "eventTimestamp"})
public record UserStatusEvent(
        @JsonProperty("user") User user,
        @JsonProperty("room") Room room,
        @JsonProperty("conference") Conference conference,
        @JsonProperty("endpoint") Endpoint endpoint,
        @JsonProperty("endpointDetails") EndpointDetails endpointDetails,
        @JsonProperty("gateway") Gateway gateway,
        @JsonProperty("contextAwareLinking") ContextAwareLinking contextAwareLinking,
        @JsonProperty("eventTimestamp") Long eventTimestamp) {

    public static UserStatusEvent of(UserStatus body, Long eventTimestamp) {
        return new UserStatusEvent(body.user(), body.room(), body.conference(), body.endpoint(),
                body.endpointDetails(), body.gateway(), body.contextAwareLinking(), eventTimestamp);
    }

    /** The notification body this event becomes. */
    public UserStatus body() {
        return new UserStatus(user, room, conference, endpoint, endpointDetails, gateway, contextAwareLinking);
    }

    /** The tenant is the user's {@code tenantName}. */
    public String tenant() {
        return user.tenantName();
    }

    /** {@code tenant/memberID}, or {@code tenant/userName} for users without a member id (guests, legacy). */
    public String userKey() {
        return NotificationKey.of(user);
    }

    /** Throws {@link BadRecordException} naming every missing required field. */
    public UserStatusEvent requireValid() {
        List<String> missing = new ArrayList<>();
        if (user == null) {
            missing.add("user");
        } else {
            if (isBlank(user.userName())) missing.add("user.userName");
            if (isBlank(user.tenantName())) missing.add("user.tenantName");
            if (isBlank(user.userState())) missing.add("user.userState");
        }
        if (!missing.isEmpty()) {
            throw new BadRecordException("missing-field", "required field missing or empty: " + String.join(", ", missing));
        }
        return this;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
