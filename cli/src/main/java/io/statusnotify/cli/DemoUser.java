package io.statusnotify.cli;

import io.statusnotify.schema.Endpoint;
import io.statusnotify.schema.EndpointDetails;
import io.statusnotify.schema.Room;
import io.statusnotify.schema.User;

import java.util.List;

/** A made-up member of the demo tenant: who they are, their personal room and the client they use. */
record DemoUser(String userName, String displayName, String memberID, String extension, long roomID,
                String endpointGUID, String applicationOs, String deviceModel) {

    static final String TENANT = "demo";

    /** A handful of users, enough for calls and shared conferences. */
    static final List<DemoUser> ROSTER = List.of(
            new DemoUser("alice", "Alice Martin", "1001", "2001", 101, "3C52821A4B10-1000000001", "Win 10",
                    "Dell Inc. - Latitude 7440"),
            new DemoUser("bob", "Bob Nguyen", "1002", "2002", 102, "A0CEC81E9A03-1000000002", "Mac OS",
                    "Apple - MacBook Pro"),
            new DemoUser("chloe", "Chloé Dubois", "1003", "2003", 103, "F4D108C2E77B-1000000003", "Linux",
                    "Lenovo - ThinkPad X1"),
            new DemoUser("dmitri", "Dmitri Ivanov", "1004", "2004", 104, "0E11B9C45A66-1000000004", "Win 10",
                    "HP - EliteBook 840"),
            new DemoUser("emma", "Emma Schäfer", "1005", "2005", 105, "7B2F3D9E1C08-1000000005", "iOS",
                    "Apple - iPad Pro"));

    User withState(String userState) {
        return new User(userName, displayName, memberID, userState, TENANT, "U", extension);
    }

    /** The member's personal room (type M), where they are {@code BusyInOwnRoom}. */
    Room personalRoom() {
        return new Room(roomID, displayName.replace(' ', '_') + "_Room", displayName + " Room", "M", userName,
                "39" + extension, "KEY" + memberID);
    }

    Endpoint endpoint() {
        return new Endpoint("D", "203.0.113." + (Integer.parseInt(memberID) % 250), endpointGUID,
                endpointGUID.substring(endpointGUID.length() - 4));
    }

    EndpointDetails endpointDetails() {
        return new EndpointDetails("VidyoConnect Desktop", "21.6.3", applicationOs, deviceModel, "");
    }
}
