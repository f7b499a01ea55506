package io.github.zuplojwt.internal.jwks;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zuplojwt.support.SilentServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The two timeouts of a key fetch mean what they say: connecting (TCP, a proxy's tunnel,
 * TLS) takes at most the connect timeout, and once the connection stands the whole response
 * must arrive within the read timeout, counted from that moment. Each test sets the other
 * timeout to a minute, so a fetch bounded the old way (both timeouts from the start) would
 * run into the class's timeout instead of ending with the reason asserted here.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FetchTimeoutsTests {

	private static final Duration SHORT = Duration.ofMillis(300);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private SilentServer server;

	private KeySetRetriever retriever;

	@BeforeEach
	void start() {
		this.server = SilentServer.start();
	}

	@AfterEach
	void stop() {
		if (this.retriever != null) {
			this.retriever.close();
		}
		this.server.close();
	}

	private KeySetRetriever retriever(Duration connect, Duration read) {
		JwksSettings settings = new JwksSettings(URI.create("http://127.0.0.1/jwks.json"), Duration.ofMinutes(10),
				Duration.ofSeconds(30), connect, read, Duration.ofHours(1), 64 * 1024);
		this.retriever = new KeySetRetriever(settings);
		return this.retriever;
	}

	@Test
	void serverThatConnectsAndThenSendsNothingIsAbandonedTheReadTimeoutAfterConnecting() throws Exception {
		KeySetRetriever retriever = retriever(MINUTE, SHORT);

		assertThatIOException().isThrownBy(() -> retriever.retrieveResource(url("http")))
			.withMessage("no complete response within 300 ms of connecting");
		assertThat(this.server.accepted()).hasSize(1);
	}

	@Test
	void abandonedFetchClosesItsConnection() throws Exception {
		KeySetRetriever retriever = retriever(MINUTE, SHORT);

		assertThatIOException().isThrownBy(() -> retriever.retrieveResource(url("http")));

		Socket accepted = this.server.accepted().get(0);
		assertThat(SilentServer.readUntilClosed(accepted)).as("the client closed the connection").isTrue();
	}

	@Test
	void connectionThatNeverStandsIsAbandonedTheConnectTimeoutAfterTheStart() throws Exception {
		// https to a server that accepts TCP and never answers the TLS handshake: connecting stalls.
		KeySetRetriever retriever = retriever(SHORT, MINUTE);

		assertThatIOException().isThrownBy(() -> retriever.retrieveResource(url("https")))
			.withMessage("could not connect within 300 ms");
		assertThat(this.server.accepted()).hasSize(1);
	}

	@Test
	void instantConnectionLeavesTheWholeReadTimeoutForTheResponse() {
		FetchDeadline deadline = new FetchDeadline(1_000, Duration.ofSeconds(2), Duration.ofSeconds(2));

		assertThat(deadline.connectedBy()).isEqualTo(1_000 + seconds(2));
		assertThat(deadline.receivedBy(1_000)).isEqualTo(1_000 + seconds(2));
	}

	@Test
	void slowConnectionStillEndsWithinConnectPlusReadTimeoutOfTheStart() {
		FetchDeadline deadline = new FetchDeadline(1_000, Duration.ofSeconds(2), Duration.ofSeconds(2));

		assertThat(deadline.receivedBy(1_000 + seconds(1))).isEqualTo(1_000 + seconds(3));
		assertThat(deadline.receivedBy(1_000 + seconds(2))).isEqualTo(1_000 + seconds(4));
		assertThat(deadline.receivedBy(1_000 + seconds(5))).as("a connection reported late")
			.isEqualTo(1_000 + seconds(4));
	}

	private URL url(String scheme) throws IOException {
		return URI.create(this.server.baseUrl(scheme) + "/jwks.json").toURL();
	}

	private static long seconds(long seconds) {
		return TimeUnit.SECONDS.toNanos(seconds);
	}

}
