package io.statusnotify.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The seed's optional {@code gateway} object. Its fields are null for calls without a gateway, and stay in the JSON as null. */
@JsonPropertyOrder({"gwid", "gwprefix"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Gateway(
        @JsonProperty("gwid") String gwid,
        @JsonProperty("gwprefix") String gwprefix) {
}
