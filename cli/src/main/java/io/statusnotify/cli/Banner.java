package io.statusnotify.cli;

import io.statusnotify.topics.TopicNames;

import java.nio.file.Path;

/** What {@code up} tells the person who started it: what runs where, how to use it and how to stop it. */
final class Banner {
    /** The seed's example message in the input form the portal produces (one line, for a console producer). */
    static final String SEED_EVENT = "{\"user\":{\"userName\":\"kram\",\"displayName\":\"Krishnan Ram\","
            + "\"memberID\":\"2727\",\"userState\":\"Busy\",\"tenantName\":\"Default\",\"accessType\":\"U\","
            + "\"extension\":\"129\"},\"room\":{\"roomID\":20,\"roomName\":\"Krishnan_Room\","
            + "\"roomDisplayName\":\"Krishnan Room\",\"roomType\":\"S\",\"roomOwner\":\"kram\","
            + "\"roomExtension\":\"39393\",\"roomKey\":\"U89HedUqbG\"},\"conference\":{\"uniqueCallID\":"
            + "\"1118335449862253\",\"callState\":\"IN PROGRESS\",\"tenantName\":\"Default\",\"conferenceName\":"
            + "\"4788@vp3.vidyolab.com\",\"conferenceType\":\"C\",\"conferenceID\":\"123213123\",\"participantId\":"
            + "3243,\"routerID\":\"5821N55FG1CY549R8F9JBZWJGEYJQ49H4NQWBMYA83Q6 800VR0001\",\"callCompletionCode\":"
            + "\"0\",\"direction\":\"O\",\"audioState\":1,\"videoState\":1},\"endpoint\":{\"endpointType\":\"D\","
            + "\"endpointPublicIPAddress\":\"\",\"endpointGUID\":\"A0CEC81E9A03-3898779616\",\"endpointId\":\"9616\"},"
            + "\"endpointDetails\":{\"applicationName\":\"VidyoConnect Desktop\",\"applicationVersion\":\"\","
            + "\"applicationOs\":\"Win 10\",\"deviceModel\":\"Dell Inc. - Precision 7530\",\"referenceNumber\":\"\"},"
            + "\"gateway\":{\"gwid\":null,\"gwprefix\":null},\"contextAwareLinking\":{\"conferenceId\":\"434675\","
            + "\"externalId\":\"1542355\",\"externalIdType\":1,\"connectionStatus\":1}}";

    static final String OWN_URL = "http://localhost:8000/sns";
    static final String OWN_TENANT_CONFIG = "Default|{\"enabled\":true,\"serverUrl\":\"" + OWN_URL
            + "\",\"username\":\"portal\",\"password\":\"s3cret\"}";

    /** Where up's log goes ({@link UpLog}), and whether the console shows all of it. */
    record Log(Path file, boolean verbose) {
    }

    private Banner() {
    }

    /** The console's line: its address and, the first time, the password of its super-admin (shown this once). */
    record Console(String url, String admin, java.util.Optional<String> newPassword, Path usersFile) {
    }

    static String running(String bootstrap, TopicNames topics, Path dataDir, String receiverUrl, String adminUrl,
                          Console console, Log log) {
        StringBuilder text = new StringBuilder()
                .append("\nstatusnotify is up\n")
                .append("  Kafka broker     ").append(bootstrap).append("   (data in ").append(dataDir).append(")\n")
                .append("  topics           ").append(topics.userStatus()).append(" -> ").append(topics.notifications())
                .append("; config ").append(topics.tenantConfig()).append("; DLQs ").append(topics.userStatusDlq())
                .append(", ").append(topics.notificationsDlq()).append("; retries ").append(topics.notificationsRetry())
                .append("; receipts ").append(topics.deliveryReceipts()).append('\n')
                .append("  streams app      running (events + tenant config -> notifications)\n")
                .append("  sink             running (notifications -> each tenant's server)\n")
                .append("  log              ").append(log.file()).append(log.verbose()
                        ? "   (every line also shown here: --verbose)\n"
                        : "   (the broker's and the apps' log; here only warnings and errors, all with --verbose)\n");
        if (adminUrl != null) {
            text.append("  status page      ").append(adminUrl)
                    .append("   (every tenant's delivery state; /health/ready, /metrics)\n");
        }
        if (console != null) {
            text.append("  console          ").append(console.url()).append(console.newPassword()
                    .map(pw -> "   (log in as " + console.admin() + ", password " + pw + ": shown this once)\n")
                    .orElse("   (users in " + console.usersFile() + ")\n"));
            text.append("                   more users: statusnotify console users add NAME --role tenant-admin --tenant T")
                    .append(" --random-password --file ").append(console.usersFile()).append(" (then restart up)\n");
        }
        if (receiverUrl != null) {
            text.append("  demo receiver    ").append(receiverUrl).append(" (basic auth, user ")
                    .append(DemoTenant.USERNAME).append(")\n")
                    .append("  demo tenant      '").append(DemoUser.TENANT).append("', ").append(DemoUser.ROSTER.size())
                    .append(" users logging in, calling, joining and leaving conferences\n")
                    .append("  tenant '").append(DemoUser.TENANT).append("' belongs to the demo: its config is overwritten")
                    .append(" at start and deleted on a clean stop; use another name for your own tenant\n")
                    .append("\nEach line below is a notification the demo receiver got.\n");
        } else {
            text.append(ownTraffic(bootstrap, topics));
        }
        return text.append("Press Ctrl-C to stop everything.\n").toString();
    }

    /** The same tenant, receiver and commands as the README's "Try it with your own receiver". */
    private static String ownTraffic(String bootstrap, TopicNames topics) {
        return "\nNo demo: bring your own receiver and traffic, e.g. with Kafka's console producer"
                + " (bin/kafka-console-producer.sh):\n"
                + "  1. a receiver that prints what it gets (or any HTTP server accepting POSTs on " + OWN_URL + "):\n"
                + "     printf s3cret > /tmp/pw; ./statusnotify demo-receiver --port 8000 --username portal"
                + " --password-file /tmp/pw\n"
                + "  2. configure the tenant first (key: tenant name):\n"
                + "     echo '" + OWN_TENANT_CONFIG + "' \\\n"
                + "       | " + producer(bootstrap, topics.tenantConfig()) + "\n"
                + "  3. then produce an event (key: tenant/memberID; here the seed's example):\n"
                + "     echo 'Default/2727|" + SEED_EVENT + "' \\\n"
                + "       | " + producer(bootstrap, topics.userStatus()) + "\n\n";
    }

    private static String producer(String bootstrap, String topic) {
        return "kafka-console-producer.sh --bootstrap-server " + bootstrap + " --topic " + topic
                + " --property parse.key=true --property 'key.separator=|'";
    }
}
