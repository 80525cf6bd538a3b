package io.statusnotify.schema;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictReadingTest {

    private static UserStatusEvent read(String json) {
        return Json.read(json.getBytes(StandardCharsets.UTF_8), UserStatusEvent.class).requireValid();
    }

    @Test
    void notJsonIsRejectedAsNotJson() {
        assertThatThrownBy(() -> read("this is not json"))
                .isInstanceOf(BadRecordException.class)
                .extracting(e -> ((BadRecordException) e).reason()).isEqualTo("not-json");
    }

    @Test
    void stringWhereANumberBelongsIsAWrongTypeNamingTheField() {
        assertThatThrownBy(() -> read("""
                {"user":{"userName":"a","tenantName":"t","userState":"Online"},"room":{"roomID":"twenty"}}"""))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("room.roomID")
                .extracting(e -> ((BadRecordException) e).reason()).isEqualTo("wrong-type");
    }

    @Test
    void numberWhereAStringBelongsIsAWrongType() {
        assertThatThrownBy(() -> read("""
                {"user":{"userName":"a","tenantName":"t","userState":"Online","memberID":2727}}"""))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("user.memberID");
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        assertThatThrownBy(() -> read("""
                {"user":{"displayName":"x"}}"""))
                .isInstanceOf(BadRecordException.class)
                .hasMessageContaining("user.userName").hasMessageContaining("user.tenantName")
                .hasMessageContaining("user.userState");
        assertThatThrownBy(() -> read("{}")).hasMessageContaining("user");
    }

    @Test
    void unknownKeysAreIgnoredForForwardCompatibility() {
        UserStatusEvent event = read("""
                {"user":{"userName":"a","tenantName":"t","userState":"Levitating","mood":"good"},"futureObject":{}}""");
        assertThat(event.user().userState()).isEqualTo("Levitating");
        assertThat(KnownValues.unknownFields(event)).containsExactly("user.userState");
    }

    @Test
    void jsonNullAndTrailingGarbageAreRejected() {
        assertThatThrownBy(() -> read("null")).isInstanceOf(BadRecordException.class);
        assertThatThrownBy(() -> read("{\"user\":{}} trailing")).isInstanceOf(BadRecordException.class);
    }

    @Test
    void wrongTypeMessagesSpeakJsonNotJava() {
        assertThatThrownBy(() -> read("""
                {"user":{"userName":"a","tenantName":"t","userState":"Online"},"room":{"roomID":"twenty"}}"""))
                .hasMessage("field 'room.roomID': expected an integer, got a string");
        assertThatThrownBy(() -> read("""
                {"user":{"userName":"a","tenantName":"t","userState":"Online","memberID":{"x":1}}}"""))
                .hasMessage("field 'user.memberID': expected a string, got an object");
        assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("expected an object, got an array");
    }
}
