package io.statusnotify.sink.connectiontest;

import io.statusnotify.sink.http.AttemptResult;
import io.statusnotify.sink.http.DestinationRefusedException;

import io.statusnotify.schema.SafeText;
import io.statusnotify.schema.TenantConfig;
import io.statusnotify.secrets.Secret;

import javax.net.ssl.SSLException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/** A connection test's outcome in plain words, never with a secret in them. */
public final class ConnectionTestWords {
    private ConnectionTestWords() {
    }

    public static ConnectionTest.Result describe(AttemptResult result, Duration took, TenantConfig target) {
        String time = took.toMillis() + " ms";
        if (result instanceof AttemptResult.Response response) {
            int status = response.status();
            boolean passed = status >= 200 && status < 300;
            return new ConnectionTest.Result(passed, status, took, response.statusLine() + " in " + time
                    + (passed ? ": passed" : ": " + meaning(status)));
        }
        Exception error = ((AttemptResult.Failure) result).error();
        String host = host(target.serverUrl());
        String words;
        if (error instanceof DestinationRefusedException) {
            words = error.getMessage() + " (SNS_DESTINATION_DENY / SNS_DESTINATION_ALLOW)";
        } else if (error instanceof UnknownHostException) {
            words = "DNS: cannot resolve " + host;
        } else if (error instanceof ConnectException) {
            words = "connection refused: nothing accepts connections at " + hostAndPort(target.serverUrl());
        } else if (error instanceof NoRouteToHostException) {
            words = "no route to " + host;
        } else if (error instanceof SSLException tls) {
            words = "TLS: " + tls(tls, host);
        } else if (error instanceof InterruptedIOException) {
            words = "timeout: no answer from " + host + " in time (" + error.getMessage() + ")";
        } else {
            words = error.getClass().getSimpleName() + ": " + error.getMessage();
        }
        String safe = SafeText.scrub(SafeText.scrub(words, Secret.clearText(target.password())), Secret.clearText(target.signingSecret()));
        return new ConnectionTest.Result(false, null, took, safe + " (after " + time + ")");
    }

    private static String meaning(int status) {
        if (status == 401 || status == 403) return "the server refused the credentials (the sink parks such a tenant until its config changes)";
        if (status == 410) return "the server says this endpoint is gone";
        if (status >= 300 && status < 400) return "a redirect, which is never followed: set serverUrl to the final URL";
        if (status == 408 || status == 429 || status >= 500) return "the server is failing or busy (the sink would retry)";
        return "the server did not accept the notification (the sink would dead-letter it)";
    }

    private static String tls(SSLException error, String host) {
        String message = String.valueOf(error.getMessage());
        Throwable cause = error;
        while (cause.getCause() != null) cause = cause.getCause();
        String root = String.valueOf(cause.getMessage());
        if (message.contains("doesn't match") || message.contains("subject alternative")) {
            return "the server's certificate is not for " + host + " (" + message + ")";
        }
        if (root.contains("validity check failed") || message.contains("validity check failed")
                || cause instanceof java.security.cert.CertificateExpiredException
                || cause instanceof java.security.cert.CertificateNotYetValidException) {
            return "the server's certificate has expired or is not yet valid";
        }
        if (message.contains("certification path") || root.contains("certification path")) {
            return "the server's certificate is not signed by a trusted CA (add its CA to SNS_TLS_CA_BUNDLE or the"
                    + " tenant's caCertificates)";
        }
        if (message.contains("bad_certificate") || message.contains("certificate_required")) {
            return "the server wants a client certificate it accepts (clientCertificate / clientKey)";
        }
        return "handshake failed: " + message;
    }

    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (RuntimeException e) {
            return SafeText.url(url);
        }
    }

    private static String hostAndPort(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
