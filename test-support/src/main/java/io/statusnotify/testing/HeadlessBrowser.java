package io.statusnotify.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A real headless Chromium driven over WebDriver (Debian's {@code chromium} and {@code chromium-driver} packages),
 * spoken with the JDK's HTTP client: enough to open a page, read, click and type into elements, and take a screenshot.
 * {@link #isAvailable()} is false where the packages are not installed (tests then skip, saying so).
 */
public final class HeadlessBrowser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final HttpClient http = TestHttp.client();
    private final String base;
    private final String session;

    private HeadlessBrowser(Process driver, String base) throws IOException, InterruptedException {
        this.driver = driver;
        this.base = base;
        ObjectNode options = JSON.createObjectNode().put("binary", CHROMIUM.toString());
        // The flags that keep Chromium from reaching out to the (closed) network and from needing a display.
        options.set("args", JSON.valueToTree(List.of("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,900")));
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        this.session = call("POST", "/session", capabilities).path("value").path("sessionId").asText();
    }

    public static boolean isAvailable() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static HeadlessBrowser start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String base = "http://127.0.0.1:" + port;
        HttpClient probe = TestHttp.client();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                probe.send(TestHttp.request(URI.create(base + "/status")).build(), HttpResponse.BodyHandlers.discarding());
                break;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    driver.destroyForcibly();
                    throw new IOException("chromedriver did not start on port " + port, notYet);
                }
                Thread.onSpinWait();
            }
        }
        return new HeadlessBrowser(driver, base);
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", JSON.createObjectNode().put("url", url));
    }

    /** The visible text of the first element matching {@code css}, or null when there is none. */
    public String text(String css) throws IOException, InterruptedException {
        String element = find(css);
        return element == null ? null : call("GET", "/session/" + session + "/element/" + element + "/text", null)
                .path("value").asText();
    }

    public void click(String css) throws IOException, InterruptedException {
        String element = find(css);
        if (element == null) throw new IllegalStateException("no element matches " + css);
        call("POST", "/session/" + session + "/element/" + element + "/click", JSON.createObjectNode());
    }

    /** Clears the input matching {@code css}, then types {@code text} into it (as keystrokes: input events fire). */
    public void type(String css, String text) throws IOException, InterruptedException {
        String element = require(css);
        call("POST", "/session/" + session + "/element/" + element + "/clear", JSON.createObjectNode());
        call("POST", "/session/" + session + "/element/" + element + "/value", JSON.createObjectNode().put("text", text));
    }

    /** Whether the form control matching {@code css} is enabled (a disabled button cannot be pressed). */
    public boolean enabled(String css) throws IOException, InterruptedException {
        return call("GET", "/session/" + session + "/element/" + require(css) + "/enabled", null).path("value").asBoolean();
    }

    /** Whether the checkbox matching {@code css} is ticked. */
    public boolean selected(String css) throws IOException, InterruptedException {
        return call("GET", "/session/" + session + "/element/" + require(css) + "/selected", null).path("value").asBoolean();
    }

    /** An input's current value (what the user typed, not the attribute). */
    public String value(String css) throws IOException, InterruptedException {
        return call("GET", "/session/" + session + "/element/" + require(css) + "/property/value", null).path("value").asText();
    }

    /** The page's address now (after redirects). */
    public String url() throws IOException, InterruptedException {
        return call("GET", "/session/" + session + "/url", null).path("value").asText();
    }

    /** The page's HTML now, as the browser holds it. */
    public String source() throws IOException, InterruptedException {
        return call("GET", "/session/" + session + "/source", null).path("value").asText();
    }

    /** Resizes the window, e.g. to a phone's 375 px width for a screenshot. */
    public void windowSize(int width, int height) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/window/rect", JSON.createObjectNode().put("width", width).put("height", height));
    }

    /** Saves a PNG of the page as it is now. */
    public Path screenshot(Path file) throws IOException, InterruptedException {
        String png = call("GET", "/session/" + session + "/screenshot", null).path("value").asText();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(png));
        return file;
    }

    private String require(String css) throws IOException, InterruptedException {
        String element = find(css);
        if (element == null) throw new IllegalStateException("no element matches " + css);
        return element;
    }

    private String find(String css) throws IOException, InterruptedException {
        JsonNode found = call("POST", "/session/" + session + "/elements",
                JSON.createObjectNode().put("using", "css selector").put("value", css)).path("value");
        return found.isArray() && !found.isEmpty() ? found.get(0).path(ELEMENT).asText() : null;
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        // Longer than TestHttp's: a new Chromium session takes a while on a busy machine.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
                    + answer.path("value").path("message").asText(response.body()));
        }
        return answer;
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // closing anyway
        }
        driver.destroy();
    }
}
