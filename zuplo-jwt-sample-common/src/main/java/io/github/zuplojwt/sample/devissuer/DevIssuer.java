package io.github.zuplojwt.sample.devissuer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DEVELOPMENT ONLY. A stand-in for the Zuplo gateway's issuer, so the samples run with no
 * Zuplo account: its {@link SigningKey} is published on a loopback-only port at
 * {@code <issuer>/.well-known/jwks.json}, and it mints tokens for the sample's consumer.
 */
public final class DevIssuer implements AutoCloseable {

	/** Audience of the tokens the dev issuer mints, and the one the sample then requires. */
	public static final String AUDIENCE = "zuplo-jwt-sample";

	private final SigningKey key;

	private DevIssuer(SigningKey key) {
		this.key = key;
	}

	/** Starts the issuer on a free port of 127.0.0.1. */
	public static DevIssuer start() {
		return new DevIssuer(SigningKey.generate());
	}

	public String issuer() {
		return this.key.issuer();
	}

	/** A token for the sample's demo consumer, on the gold plan, valid for an hour. */
	public String mintDemoToken() {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("plan", "gold");
		metadata.put("companyId", "acme-dev");
		return mint("dev-consumer", metadata);
	}

	/** A token for any consumer with the given custom claims, valid for an hour. */
	public String mint(String consumer, Map<String, Object> metadata) {
		return this.key.mint(consumer, AUDIENCE, metadata, Duration.ofHours(1));
	}

	@Override
	public void close() {
		this.key.close();
	}

}
