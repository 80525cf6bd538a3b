package io.statusnotify.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link of every {@code *.md} of the repository goes to a file that exists and a heading it has. */
class MarkdownLinksTest {

    @Test
    void everyRelativeLinkInTheRepositorysMarkdownResolvesToAFileAndHeading() {
        List<Path> files = RepositoryDocs.markdownFiles(RepositoryDocs.ROOT);
        assertThat(files).as("the Markdown files found").contains(RepositoryDocs.README, RepositoryDocs.CONFIGURATION);

        assertThat(new LinkCheck(RepositoryDocs.ROOT).problems(files)).as("broken links").isEmpty();
    }

    @Test
    void everyDocsPageLinksBackToTheReadmeAndTheReadmeLinksToEveryPage() {
        LinkCheck links = new LinkCheck(RepositoryDocs.ROOT);
        List<Path> pages = RepositoryDocs.pages();
        assertThat(pages).as("pages of docs/").hasSizeGreaterThanOrEqualTo(9);

        for (Path page : pages) {
            assertThat(links.linksTo(page, RepositoryDocs.README)).as("%s links to the README", page.getFileName()).isTrue();
            assertThat(links.linksTo(RepositoryDocs.README, page)).as("the README links to %s", page.getFileName()).isTrue();
        }
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsReportedWithItsLine(@TempDir Path root) throws IOException {
        // Given a page with good links, two broken ones, and a broken-looking one inside a code block
        Files.writeString(root.resolve("b.md"), "# Tenant config (`sns.tenant-config`, compacted)\n\n## Notes\n\n## Notes\n");
        Files.writeString(root.resolve("a.md"), String.join("\n",
                "# A",
                "[ok](b.md#tenant-config-snstenant-config-compacted) [again](b.md#notes-1) [self](#a) [web](https://example.com/x)",
                "[gone](missing.md)",
                "[no heading](b.md#nowhere)",
                "```",
                "[not a link](nothing.md)",
                "```",
                ""));

        // When the links are checked
        List<String> problems = new LinkCheck(root).problems(List.of(root.resolve("a.md")));

        // Then exactly the two broken ones are reported, each with its line
        assertThat(problems).containsExactly(
                "a.md:3: missing.md: no such file missing.md",
                "a.md:4: b.md#nowhere: no heading with anchor #nowhere in b.md");
    }

    @Test
    void headingsGetTheAnchorsGitHubGivesThem() {
        assertThat(MarkdownFile.slug("Tenant config (`sns.tenant-config`, compacted)"))
                .isEqualTo("tenant-config-snstenant-config-compacted");
        assertThat(MarkdownFile.slug("Verifying the signature (Standard Webhooks)"))
                .isEqualTo("verifying-the-signature-standard-webhooks");
        assertThat(MarkdownFile.slug("Sending events: `events send`")).isEqualTo("sending-events-events-send");
        assertThat(MarkdownFile.slug("statusnotify — Status Notification Service on Apache Kafka"))
                .isEqualTo("statusnotify--status-notification-service-on-apache-kafka");
    }
}
