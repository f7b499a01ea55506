package io.github.zuplojwt.actuate;

import io.github.zuplojwt.internal.decoder.VerifyingJwtDecoder;
import io.github.zuplojwt.support.Gateway;
import io.github.zuplojwt.support.TestDecoders;
import io.github.zuplojwt.support.TestGateway;
import io.github.zuplojwt.support.TestKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key cache and verified-token cache meters follow the real decoder's state as tokens
 * are verified against a real key set endpoint.
 */
class ZuploJwtMetricsTests {

	@TestGateway
	static Gateway gateway;

	@TestGateway
	static Gateway preview;

	private final TestKey key = TestKey.ed25519("k1");

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private VerifyingJwtDecoder decoder;

	@BeforeEach
	void start() {
		gateway.reset();
		gateway.publish(this.key, TestKey.ed25519("k2"));
		this.decoder = TestDecoders.trusting(gateway, preview);
		new ZuploJwtMetrics(this.decoder).bindTo(this.meters);
	}

	@AfterEach
	void stop() throws Exception {
		this.decoder.destroy();
	}

	@Test
	void keysAreCountedPerIssuerOnceFetched() {
		assertThat(keys(gateway)).isZero();

		this.decoder.decode(token());

		assertThat(keys(gateway)).isEqualTo(2);
		assertThat(keys(preview)).isZero();
	}

	@Test
	void tokenCacheHitsMissesEntriesAndMemoryFollowTheCache() {
		String token = token();
		this.decoder.decode(token);
		this.decoder.decode(token);
		this.decoder.decode(token);
		this.decoder.decode(this.key.token().issuer(gateway.issuer()).subject("another consumer").sign());

		assertThat(this.meters.get(ZuploJwtMetrics.CACHE_GETS).tag("result", "hit").functionCounter().count())
			.isEqualTo(2);
		assertThat(this.meters.get(ZuploJwtMetrics.CACHE_GETS).tag("result", "miss").functionCounter().count())
			.isEqualTo(2);
		assertThat(this.meters.get(ZuploJwtMetrics.CACHE_ENTRIES).gauge().value()).isEqualTo(2);
		assertThat(this.meters.get(ZuploJwtMetrics.CACHE_MEMORY).gauge().value()).isGreaterThan(2 * token.length());
		assertThat(this.meters.get(ZuploJwtMetrics.CACHE_MEMORY).gauge().getId().getBaseUnit()).isEqualTo("bytes");
	}

	private double keys(Gateway server) {
		return this.meters.get(ZuploJwtMetrics.KEYS).tag("zuplo.issuer", server.issuer()).gauge().value();
	}

	private String token() {
		return this.key.token().issuer(gateway.issuer()).sign();
	}

}
